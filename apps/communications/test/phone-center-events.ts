import { randomUUID } from 'node:crypto';
import { EventSubject, PayloadOf, TelephonyCallEvent, TelephonyEvents, TelephonyTextMessageEvent } from '@crm/contracts';
import { Stack, TEST_NATS_URL } from '@crm/testing';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { eventually, processedByCommunications } from './support';

type TextMessageSubject = (typeof TelephonyEvents.textMessage)[keyof typeof TelephonyEvents.textMessage];

let sequence = 0;
const base = 1000 + Math.floor(Math.random() * 5000);

/** A fresh US number in E.164, unique within the test run. */
export function newNumber(): string {
  return `+1415555${base + ++sequence}`;
}

/** An SMS as telephony reports it: received on `userId`'s number from `from` (override direction etc.). */
export function textEvent(accountId: number, userId: number | null, from: string, overrides: Partial<TelephonyTextMessageEvent> = {}): TelephonyTextMessageEvent {
  return {
    accountId,
    eventId: '',
    occurredAt: new Date().toISOString(),
    messageSid: `SM${randomUUID().replace(/-/g, '')}`,
    direction: 'inbound',
    userId,
    userPhoneNumber: '+14155550199',
    remotePhoneNumber: from,
    body: 'Hi, is the offer still valid?',
    status: 'received',
    errorCode: null,
    errorMessage: null,
    sentAt: new Date().toISOString(),
    resource: null,
    ...overrides,
  };
}

/** A call as telephony reports it: an inbound call to `userId` from `from`, answered and completed unless overridden. */
export function callEvent(accountId: number, userId: number | null, from: string, overrides: Partial<TelephonyCallEvent> = {}): TelephonyCallEvent {
  return {
    accountId,
    eventId: '',
    occurredAt: new Date().toISOString(),
    callSid: `CA${randomUUID().replace(/-/g, '')}`,
    direction: 'inbound',
    userId,
    userPhoneNumber: '+14155550199',
    remotePhoneNumber: from,
    status: 'completed',
    missed: false,
    duration: 42,
    startedAt: new Date().toISOString(),
    recordingId: null,
    voicemail: false,
    resource: null,
    ...overrides,
  };
}

/** `minutes` from now, as an ISO timestamp (negative: in the past). */
export function minutesFromNow(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

/**
 * Publishes telephony's events into the suite's JetStream stream exactly as telephony's outbox
 * relay does: the subject under the suite's prefix, the payload as JSON, the event id as Nats-Msg-Id.
 * (The telephony service is built in parallel; communications must not depend on it.)
 */
export class TelephonyEventPublisher {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly prefix: string,
    private readonly stack: Stack,
  ) {}

  static async connect(stack: Stack): Promise<TelephonyEventPublisher> {
    return new TelephonyEventPublisher(await connect({ servers: TEST_NATS_URL }), stack.runtime('communications').subjectPrefix, stack);
  }

  get nats(): NatsConnection {
    return this.connection;
  }

  get subjectPrefix(): string {
    return this.prefix;
  }

  /** Publish under `eventId` (fresh unless given); resolves with the id once JetStream has it. */
  async publish<S extends EventSubject>(subject: S, event: PayloadOf<S>, eventId: string = randomUUID()): Promise<string> {
    await this.connection.jetstream().publish(this.prefix + subject, JSON.stringify({ ...event, eventId }), { msgID: eventId });
    return eventId;
  }

  /** Publish and wait until communications has committed the event. */
  async deliver<S extends EventSubject>(subject: S, event: PayloadOf<S>, eventId?: string): Promise<string> {
    const id = await this.publish(subject, event, eventId);
    await eventually(async () => expect(await processedByCommunications(this.stack, id)).toBe(true), 30_000);
    return id;
  }

  text(event: TelephonyTextMessageEvent, subject: TextMessageSubject = TelephonyEvents.textMessage.received): Promise<string> {
    return this.deliver(subject, event);
  }

  call(event: TelephonyCallEvent): Promise<string> {
    return this.deliver(TelephonyEvents.call.updated, event);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** Rows of communications' own tables, for checks no API can make (what remains after a deletion). */
export function communicationsRows<T>(stack: Stack, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const service = stack.services.find((s) => s.name === 'communications');
  if (!service) throw new Error('communications is not running');
  return service.app.get(DataSource).query(sql, parameters);
}
