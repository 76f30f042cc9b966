import { randomUUID } from 'node:crypto';
import { MailEvents, MailMessageReceivedEvent } from '@crm/contracts';
import { Stack, TEST_NATS_URL } from '@crm/testing';
import { connect, NatsConnection, PubAck } from 'nats';

let ingestIds = 0;

/** A filed message as mail-ingest publishes it; links and the rest come from `overrides`. */
export function mailEvent(accountId: number, overrides: Partial<MailMessageReceivedEvent> = {}): MailMessageReceivedEvent {
  return {
    accountId,
    eventId: '',
    occurredAt: new Date().toISOString(),
    ingestId: ++ingestIds,
    messageId: `${randomUUID()}@mail.example.com`,
    direction: 'received',
    userId: null,
    forwarded: false,
    subject: 'Quote for next quarter',
    text: 'Hello, here is the quote.',
    html: null,
    bodyTruncated: false,
    from: { email: 'pat@customer.example', name: 'Pat Customer' },
    to: [{ email: 'sales@crm.example', name: null }],
    cc: [],
    date: '2024-05-01T10:00:00Z',
    inReplyTo: null,
    references: [],
    attachments: [],
    links: [],
    ...overrides,
  };
}

/**
 * Publishes `mail.message.received.v1` into the suite's JetStream stream exactly as mail-ingest's
 * outbox relay does (JetStreamTransport): the subject under the suite's prefix, the payload as
 * JSON, the event id as `Nats-Msg-Id`.
 */
export class MailEventPublisher {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly prefix: string,
  ) {}

  static async connect(stack: Stack): Promise<MailEventPublisher> {
    return new MailEventPublisher(await connect({ servers: TEST_NATS_URL }), stack.runtime('communications').subjectPrefix);
  }

  /** Publish under `eventId` (fresh unless given); resolves with the id and JetStream's ack. */
  async publish(event: MailMessageReceivedEvent, eventId: string = randomUUID()): Promise<{ eventId: string; ack: PubAck }> {
    const ack = await this.connection
      .jetstream()
      .publish(this.prefix + MailEvents.message.received, JSON.stringify({ ...event, eventId }), { msgID: eventId });
    return { eventId, ack };
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
