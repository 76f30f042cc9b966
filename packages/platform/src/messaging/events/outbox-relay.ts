import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventTransport } from './event-transport';

const BATCH = 200;
const POLL_MS = 1000;
const COALESCE_MS = 5;
const RETENTION = '7 days';

interface OutboxRow {
  id: string;
  event_id: string;
  subject: string;
  payload: unknown;
}

/**
 * Moves committed outbox rows to the broker in id order. A batch is claimed and marked published
 * in a transaction that commits only after the broker acknowledged it (SKIP LOCKED lets replicas
 * share the work); a crash in between only means the broker sees the events again and drops
 * them by Nats-Msg-Id.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private dirty = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly transport: EventTransport,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Called after a transaction that wrote events commits. */
  nudge = (): void => {
    if (this.wake) this.wake();
    else this.dirty = true;
  };

  /** Publish everything pending now; for tests and shutdown. */
  async drain(): Promise<void> {
    while ((await this.relayBatch()) === BATCH);
  }

  private async run(): Promise<void> {
    let lastCleanup = 0;
    while (this.running) {
      try {
        const sent = await this.relayBatch();
        if (Date.now() - lastCleanup > 3_600_000) {
          lastCleanup = Date.now();
          await this.dataSource.query(
            `DELETE FROM "${this.schema}".outbox WHERE published_at < now() - interval '${RETENTION}'`,
          );
        }
        if (sent === BATCH) continue;
      } catch (error) {
        this.logger.warn({ err: error, schema: this.schema }, 'outbox relay failed; retrying');
      }
      await this.waitForWork();
      // Let the commits of concurrent requests join this batch: one round of queries for many events.
      await new Promise((resolve) => setTimeout(resolve, COALESCE_MS));
    }
  }

  private waitForWork(): Promise<void> {
    if (this.dirty) {
      this.dirty = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), POLL_MS);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  /**
   * Claim and mark a batch in one statement, publish it, then commit. If publishing fails the
   * transaction rolls back and the rows are unclaimed and unmarked again.
   */
  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Wrapped in a SELECT so the rows come back in id order (and as rows, not an UPDATE result).
      const rows: OutboxRow[] = await manager.query(
        `WITH claimed AS (
           UPDATE "${this.schema}".outbox SET published_at = now()
           WHERE id IN (SELECT id FROM "${this.schema}".outbox WHERE published_at IS NULL
                        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
           RETURNING id, event_id, subject, payload)
         SELECT * FROM claimed ORDER BY id`,
      );
      if (rows.length === 0) return 0;
      await this.transport.publish(rows.map((row) => ({ subject: row.subject, eventId: row.event_id, payload: row.payload })));
      return rows.length;
    });
  }
}
