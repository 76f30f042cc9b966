import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventTransport } from './event-transport';

const BATCH = 200;
const POLL_MS = 1000;
const RETENTION = '7 days';

interface OutboxRow {
  id: string;
  event_id: string;
  subject: string;
  payload: unknown;
}

/**
 * Moves committed outbox rows to the broker in id order. Rows stay locked (SKIP LOCKED lets
 * replicas share the work) until the broker has acknowledged them, then are marked published;
 * a crash in between only means the broker sees them again and drops them by Nats-Msg-Id.
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
    this.dirty = true;
    this.wake?.();
  };

  /** Publish everything pending now; for tests and shutdown. */
  async drain(): Promise<void> {
    while ((await this.relayBatch()) === BATCH);
  }

  private async run(): Promise<void> {
    let lastCleanup = 0;
    while (this.running) {
      try {
        this.dirty = false;
        const sent = await this.relayBatch();
        if (Date.now() - lastCleanup > 3_600_000) {
          lastCleanup = Date.now();
          await this.dataSource.query(
            `DELETE FROM "${this.schema}".outbox WHERE published_at < now() - interval '${RETENTION}'`,
          );
        }
        if (sent === BATCH || this.dirty) continue;
      } catch (error) {
        this.logger.warn({ err: error, schema: this.schema }, 'outbox relay failed; retrying');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, event_id, subject, payload FROM "${this.schema}".outbox
         WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await this.transport.publish(
        rows.map((row) => ({ subject: row.subject, eventId: row.event_id, payload: row.payload })),
      );
      await manager.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }
}
