import { Logger } from '@nestjs/common';
import { EventSubject, PayloadOf } from '@crm/contracts';
import { TransactionRunner, Tx } from '../../database/transaction';
import { DeliveredEvent, DeliveryOutcome, EventTransport } from './event-transport';

/** One event's handler, or a handler that takes every consecutive waiting event of its subject at once. */
type Handler = { batch: false; run: (payload: never, tx: Tx) => Promise<void> } | { batch: true; run: (payloads: never[], tx: Tx) => Promise<void> };

export interface EventConsumerSettings {
  name: string;
  schema: string;
  maxDeliver: number;
  retryDelayMs: number;
  /** Most waiting events handled in one transaction (default 100). */
  maxBatch?: number;
}

const DEFAULT_MAX_BATCH = 100;

/**
 * A service's durable consumer. An event's handler runs in a transaction with the event's inbox
 * row, so a redelivered event is skipped and a handler's effects and the inbox row commit
 * together; the broker is acknowledged only after that commit. A handler error means redelivery.
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
    this.register(subject, { batch: false, run: handler as (payload: never, tx: Tx) => Promise<void> });
  }

  /**
   * Like `on`, for a handler that writes many events with a few statements: it gets the events of
   * `subject` that wait one after another in a batch (in order, never one it handled before), in
   * one call. It must treat them as `on`'s handler would one by one, in that order.
   */
  onBatch<S extends EventSubject>(subject: S, handler: (payloads: PayloadOf<S>[], tx: Tx) => Promise<void>): void {
    this.register(subject, { batch: true, run: handler as (payloads: never[], tx: Tx) => Promise<void> });
  }

  private register(subject: EventSubject, handler: Handler): void {
    if (this.started) throw new Error(`register ${subject} before the consumer starts`);
    if (this.handlers.has(subject)) throw new Error(`${subject} already has a handler in ${this.settings.name}`);
    this.handlers.set(subject, handler);
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
        maxBatch: this.settings.maxBatch ?? DEFAULT_MAX_BATCH,
      },
      (events) => this.process(events),
    );
  }

  /**
   * Several waiting events run in one transaction (one commit instead of one each). If any of
   * them fails, nothing of the batch is kept and each event runs again alone, so a failure is
   * redelivered by itself and the others commit: a handler must expect to run more than once,
   * as it already must for a redelivery.
   */
  private async process(events: DeliveredEvent[]): Promise<DeliveryOutcome[]> {
    if (events.length > 1) {
      try {
        await this.transactions.run((tx) => this.handle(tx, events));
        return events.map(() => ({ kind: 'ack' }));
      } catch {
        // One by one below: the failing event is found and reported there.
      }
    }
    const outcomes: DeliveryOutcome[] = [];
    for (const event of events) outcomes.push(await this.processOne(event));
    return outcomes;
  }

  private async processOne(event: DeliveredEvent): Promise<DeliveryOutcome> {
    if (!this.handlers.has(event.subject)) return { kind: 'ack' };
    try {
      await this.transactions.run((tx) => this.handle(tx, [event]));
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

  /**
   * In the transaction: the events' inbox rows, then the handler of each not processed before, in
   * order; consecutive events of a subject with a batch handler go to it together.
   */
  private async handle(tx: Tx, events: DeliveredEvent[]): Promise<void> {
    const fresh = await this.claim(tx, events);
    let waiting: DeliveredEvent[] = [];
    const runWaiting = async () => {
      if (waiting.length === 0) return;
      const batch = waiting;
      waiting = [];
      const handler = this.handlers.get(batch[0].subject) as Extract<Handler, { batch: true }>;
      await handler.run(batch.map((event) => event.payload as never), tx);
    };
    for (const event of events) {
      // Deleted once handled: the same event twice in a batch (a redelivery) runs once.
      if (!fresh.delete(event.eventId.toLowerCase())) continue;
      const handler = this.handlers.get(event.subject)!;
      if (waiting.length > 0 && waiting[0].subject !== event.subject) await runWaiting();
      if (handler.batch) waiting.push(event);
      else await handler.run(event.payload as never, tx);
    }
    await runWaiting();
  }

  /** Inbox rows for the events that have a handler; answers the ids (lower case) not processed before. */
  private async claim(tx: Tx, events: DeliveredEvent[]): Promise<Set<string>> {
    const handled = events.filter((event) => this.handlers.has(event.subject));
    if (handled.length === 0) return new Set();
    const inserted: { event_id: string }[] = await tx.manager.query(
      `INSERT INTO "${this.settings.schema}".inbox (consumer, event_id, subject)
       SELECT $1, event_id, subject FROM unnest($2::uuid[], $3::text[]) AS e(event_id, subject)
       ON CONFLICT DO NOTHING RETURNING event_id::text`,
      [this.settings.name, handled.map((event) => event.eventId), handled.map((event) => event.subject)],
    );
    return new Set(inserted.map((row) => row.event_id));
  }
}
