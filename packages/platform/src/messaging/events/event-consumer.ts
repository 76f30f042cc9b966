import { Logger } from '@nestjs/common';
import { EventSubject, PayloadOf } from '@crm/contracts';
import { TransactionRunner, Tx } from '../../database/transaction';
import { DeliveredEvent, DeliveryOutcome, EventTransport } from './event-transport';

type Handler = (payload: never, tx: Tx) => Promise<void>;

export interface EventConsumerSettings {
  name: string;
  schema: string;
  maxDeliver: number;
  retryDelayMs: number;
}

/**
 * A service's durable consumer. Each event runs in one transaction with an inbox row, so a
 * redelivered event is skipped and a handler's effects and the inbox row commit together;
 * the broker is acknowledged only after that commit. A handler error means redelivery.
 */
export class EventConsumer {
  private readonly logger = new Logger('EventConsumer');
  private readonly handlers = new Map<string, Handler>();
  private started = false;

  constructor(
    private readonly settings: EventConsumerSettings,
    private readonly transactions: TransactionRunner,
    private readonly transport: EventTransport,
  ) {}

  on<S extends EventSubject>(subject: S, handler: (payload: PayloadOf<S>, tx: Tx) => Promise<void>): void {
    if (this.started) throw new Error(`register ${subject} before the consumer starts`);
    if (this.handlers.has(subject)) throw new Error(`${subject} already has a handler in ${this.settings.name}`);
    this.handlers.set(subject, handler as Handler);
  }

  async start(): Promise<void> {
    if (this.started || this.handlers.size === 0) return;
    this.started = true;
    await this.transport.consume(
      {
        name: this.settings.name,
        subjects: [...this.handlers.keys()],
        maxDeliver: this.settings.maxDeliver,
        retryDelayMs: this.settings.retryDelayMs,
      },
      (event) => this.process(event),
    );
  }

  private async process(event: DeliveredEvent): Promise<DeliveryOutcome> {
    const handler = this.handlers.get(event.subject);
    if (!handler) return { kind: 'ack' };
    try {
      await this.transactions.run(async (tx) => {
        const inserted: unknown[] = await tx.manager.query(
          `INSERT INTO "${this.settings.schema}".inbox (consumer, event_id, subject) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.settings.name, event.eventId, event.subject],
        );
        if (inserted.length === 0) return; // processed before: a redelivery
        await handler(event.payload as never, tx);
      });
      return { kind: 'ack' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        { consumer: this.settings.name, subject: event.subject, eventId: event.eventId, attempt: event.deliveryCount, err: error },
        'event handler failed; will be redelivered',
      );
      return { kind: 'retry', error: message };
    }
  }
}
