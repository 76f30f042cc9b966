import { randomUUID } from 'node:crypto';
import { EventBody, EventSubject, PayloadOf } from '@crm/contracts';
import { Tx } from '../../database/transaction';

/** Most events one outbox row carries (a batch written by `publishMany`). */
export const EVENTS_PER_OUTBOX_ROW = 100;

/**
 * Writes events to the service's outbox inside the caller's transaction: an event exists
 * exactly when the change that caused it committed. The relay sends it on afterwards. A single
 * event is one row whose payload is the event; a batch (an import's records, a bulk job's chunk)
 * is one row per `EVENTS_PER_OUTBOX_ROW` events whose payload is the array of them, so that a
 * thousand events cost the database a dozen rows instead of a thousand.
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
    const rows = outboxRows(events).map((carried) => {
      // The row's event id is its first event's; the relay sends each event under its own.
      values.push(carried[0].eventId, subject, carried[0].accountId, JSON.stringify(carried.length === 1 ? carried[0] : carried));
      const at = values.length - 4;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4})`;
    });
    await tx.manager.query(
      `INSERT INTO "${this.schema}".outbox (event_id, subject, account_id, payload) VALUES ${rows.join(', ')}`,
      values,
    );
    tx.afterCommit(this.onCommitted);
    return events;
  }
}

/** Consecutive events of one account, at most `EVENTS_PER_OUTBOX_ROW` to a row. */
function outboxRows<E extends { accountId: number }>(events: E[]): E[][] {
  const rows: E[][] = [];
  for (const event of events) {
    const last = rows[rows.length - 1];
    if (last && last.length < EVENTS_PER_OUTBOX_ROW && last[0].accountId === event.accountId) last.push(event);
    else rows.push([event]);
  }
  return rows;
}
