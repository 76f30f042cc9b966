import { randomUUID } from 'node:crypto';
import { EventBody, EventSubject, PayloadOf } from '@crm/contracts';
import { Tx } from '../../database/transaction';

/**
 * Writes events to the service's outbox inside the caller's transaction: an event exists
 * exactly when the change that caused it committed. The relay sends it on afterwards.
 */
export class EventPublisher {
  constructor(
    private readonly schema: string,
    private readonly onCommitted: () => void,
  ) {}

  async publish<S extends EventSubject>(tx: Tx, subject: S, body: EventBody<PayloadOf<S>>): Promise<PayloadOf<S>> {
    const [event] = await this.publishMany(tx, subject, [body]);
    return event;
  }

  async publishMany<S extends EventSubject>(
    tx: Tx,
    subject: S,
    bodies: EventBody<PayloadOf<S>>[],
  ): Promise<PayloadOf<S>[]> {
    if (bodies.length === 0) return [];
    const occurredAt = new Date().toISOString();
    const events = bodies.map((body) => ({ ...body, eventId: randomUUID(), occurredAt }) as PayloadOf<S>);
    const values: unknown[] = [];
    const rows = events.map((event, i) => {
      values.push(event.eventId, subject, event.accountId, JSON.stringify(event));
      return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`;
    });
    await tx.manager.query(
      `INSERT INTO "${this.schema}".outbox (event_id, subject, account_id, payload) VALUES ${rows.join(', ')}`,
      values,
    );
    tx.afterCommit(this.onCommitted);
    return events;
  }
}
