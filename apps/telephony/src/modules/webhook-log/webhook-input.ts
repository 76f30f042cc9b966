import { DomainError, TwilioWebhookKind, TwilioWebhookReply } from '@crm/contracts';
import twilio from 'twilio';

/** A signed webhook's parameters and the query string of the URL it was sent to. */
export class WebhookInput {
  readonly query: URLSearchParams;

  constructor(
    readonly kind: TwilioWebhookKind,
    url: string,
    private readonly params: Record<string, string | string[]>,
  ) {
    this.query = new URL(url).searchParams;
  }

  /** A parameter's value (the first, if Twilio repeated it). */
  param(name: string): string | undefined {
    const value = this.params[name];
    return Array.isArray(value) ? value[0] : value;
  }

  /** A parameter the webhook cannot be understood without: a signed request lacking it is malformed (400). */
  required(name: string): string {
    const value = this.param(name);
    if (!value) throw new DomainError(400, [{ resource: 'webhook', field: `/${name}`, code: 'blank', message: `the ${this.kind} webhook needs ${name}` }]);
    return value;
  }
}

/** A TwiML answer (200, text/xml). */
export function twiml(response: { toString(): string }): TwilioWebhookReply {
  return { status: 200, contentType: 'text/xml', body: response.toString() };
}

const EMPTY_TWIML = twiml(new twilio.twiml.MessagingResponse());

/** `<Response/>`: received, nothing to do (built once: most webhooks answer it). */
export function emptyTwiml(): TwilioWebhookReply {
  return { ...EMPTY_TWIML };
}
