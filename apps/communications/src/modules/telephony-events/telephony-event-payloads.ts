import type { TelephonyCallEvent, TelephonyResource, TelephonyTextMessageEvent } from '@crm/contracts';
import { CALL_STATUS_RANK, TEXT_MESSAGE_STATUS_RANK } from './status-order';

/**
 * Telephony's payloads are checked before they touch anything: a malformed event fails its
 * handler, is redelivered and finally dead-lettered, instead of being half applied.
 */
class PayloadCheck {
  constructor(
    private readonly subject: string,
    private readonly event: Record<string, unknown>,
  ) {}

  that(ok: boolean, field: string, rule: string): this {
    if (!ok) throw new Error(`${this.subject}: ${field} ${rule}`);
    return this;
  }

  id(field: string, nullable = false): this {
    const value = this.event[field];
    return this.that((nullable && value === null) || isId(value), field, nullable ? 'must be a positive integer or null' : 'must be a positive integer');
  }

  text(field: string, maxLength: number): this {
    const value = this.event[field];
    return this.that(typeof value === 'string' && value.trim() !== '' && value.length <= maxLength, field, `must be a non-empty string of at most ${maxLength} characters`);
  }

  nullableText(field: string): this {
    const value = this.event[field];
    return this.that(value === null || value === undefined || typeof value === 'string', field, 'must be a string or null');
  }

  timestamp(field: string): this {
    const value = this.event[field];
    return this.that(typeof value === 'string' && !Number.isNaN(Date.parse(value)), field, 'must be a timestamp');
  }

  oneOf(field: string, values: readonly string[]): this {
    return this.that(values.includes(this.event[field] as string), field, `must be one of ${values.join(', ')}`);
  }

  boolean(field: string): this {
    return this.that(typeof this.event[field] === 'boolean', field, 'must be true or false');
  }

  resource(): this {
    const resource = this.event.resource as TelephonyResource | null | undefined;
    return this.that(
      resource === null || resource === undefined || (['lead', 'contact'].includes(resource.resource_type) && isId(resource.resource_id)),
      'resource',
      'must be null or { resource_type: lead | contact, resource_id }',
    );
  }
}

function isId(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function common(subject: string, event: object): PayloadCheck {
  return new PayloadCheck(subject, event as Record<string, unknown>)
    .id('accountId')
    .timestamp('occurredAt')
    .oneOf('direction', ['inbound', 'outbound'])
    .id('userId', true)
    .text('userPhoneNumber', 64)
    .text('remotePhoneNumber', 64)
    .resource();
}

export function assertCallEvent(event: TelephonyCallEvent, subject: string): void {
  common(subject, event)
    .text('callSid', 64)
    .oneOf('status', Object.keys(CALL_STATUS_RANK))
    .boolean('missed')
    .boolean('voicemail')
    .that(Number.isSafeInteger(event.duration) && event.duration >= 0, 'duration', 'must be a whole number of seconds')
    .timestamp('startedAt')
    .id('recordingId', true);
}

export function assertTextMessageEvent(event: TelephonyTextMessageEvent, subject: string): void {
  common(subject, event)
    .text('messageSid', 64)
    .oneOf('status', Object.keys(TEXT_MESSAGE_STATUS_RANK))
    .that(typeof event.body === 'string', 'body', 'must be a string')
    .nullableText('errorCode')
    .nullableText('errorMessage')
    .timestamp('sentAt');
}
