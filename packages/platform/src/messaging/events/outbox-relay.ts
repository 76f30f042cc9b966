import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BackgroundLoop } from '../background-loop';
import { INBOX_RETENTION_DAYS, OUTBOX_RETENTION_DAYS } from './event-retention';
import { EventTransport, OutgoingEvent } from './event-transport';

/** Outbox rows per lease (a row carries one event or up to EVENTS_PER_OUTBOX_ROW). */
const BATCH = 200;
/** Events handed to the broker at once. */
const PUBLISH_WINDOW = 1000;
const POLL_MS = 1000;
const COALESCE_MS = 5;
const TRIM_EVERY_MS = 3_600_000;
/** How long a relay may hold a batch before another may take it (a crashed relay's batch). */
const LEASE = '30 seconds';

interface OutboxRow {
  id: string;
  event_id: string;
  subject: string;
  payload: unknown;
}

/**
 * Moves committed outbox rows to the broker in id order, batch by batch; replicas share the work
 * by leasing batches (SKIP LOCKED), and a row is marked published only after the broker
 * acknowledged it.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly loop = new BackgroundLoop(() => this.step(), POLL_MS, COALESCE_MS);
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly transport: EventTransport,
  ) {}

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Called after a transaction that wrote events commits. */
  nudge = (): void => this.loop.nudge();

  /** True while full batches keep coming (go again at once). */
  private async step(): Promise<boolean> {
    try {
      const sent = await this.relayBatch();
      if (Date.now() - this.lastCleanup > TRIM_EVERY_MS) {
        this.lastCleanup = Date.now();
        await this.trimMessagingTables();
      }
      return sent === BATCH;
    } catch (error) {
      this.logger.warn({ err: error, schema: this.schema }, 'outbox relay failed; retrying');
      return false;
    }
  }

  /**
   * The schema's messaging tables keep what is still useful only: published outbox rows for
   * OUTBOX_RETENTION_DAYS, inbox rows (every consumer of the schema) for INBOX_RETENTION_DAYS,
   * after which JetStream no longer holds their events. Hourly, with the relay's work.
   */
  async trimMessagingTables(): Promise<void> {
    await this.dataSource.query(`DELETE FROM "${this.schema}".outbox WHERE published_at < now() - make_interval(days => $1)`, [OUTBOX_RETENTION_DAYS]);
    await this.dataSource.query(`DELETE FROM "${this.schema}".inbox WHERE processed_at < now() - make_interval(days => $1)`, [INBOX_RETENTION_DAYS]);
  }

  /**
   * Lease a batch (one statement), publish it, then mark it published (another statement). No
   * transaction stays open while the broker works: on the embedded database, whose connections
   * share one session, an open transaction would stall every other service. If the relay dies
   * after publishing, the lease runs out and the batch goes again; the broker drops the
   * repeats by Nats-Msg-Id, and consumers' inboxes catch any that slip through.
   */
  private async relayBatch(): Promise<number> {
    const rows: OutboxRow[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE "${this.schema}".outbox SET claimed_until = now() + interval '${LEASE}'
         WHERE id IN (SELECT id FROM "${this.schema}".outbox
                      WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
         RETURNING id, event_id, subject, payload)
       SELECT * FROM claimed ORDER BY id`,
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    try {
      const events = rows.flatMap(eventsOf);
      for (let start = 0; start < events.length; start += PUBLISH_WINDOW) {
        await this.transport.publish(events.slice(start, start + PUBLISH_WINDOW));
      }
    } catch (error) {
      await this.dataSource.query(`UPDATE "${this.schema}".outbox SET claimed_until = NULL WHERE id = ANY($1::bigint[])`, [ids]);
      throw error;
    }
    await this.dataSource.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
    return rows.length;
  }
}

/** The events an outbox row carries: its payload, or each element of a batch row's array. */
function eventsOf(row: OutboxRow): OutgoingEvent[] {
  if (!Array.isArray(row.payload)) return [{ subject: row.subject, eventId: row.event_id, payload: row.payload }];
  return (row.payload as { eventId: string }[]).map((payload) => ({ subject: row.subject, eventId: payload.eventId, payload }));
}
