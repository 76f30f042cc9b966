import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MailEvents } from '@crm/contracts';
import { BackgroundLoop, EventPublisher, TransactionRunner } from '@crm/platform';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { FilingService, UnfiledMessage } from '../filing/filing.service';
import { receivedEvent } from './received-event';
import { ClaimedMessage, RawMessagesRepository } from './raw-messages.repository';
import { RecentRawMessages } from './recent-raw-messages';

const BATCH_MESSAGES = 50;
/** Raw bytes per batch: a burst of large messages is taken a few at a time. */
const BATCH_BYTES = 32 * 1024 * 1024;
/** A worker that crashed mid-batch loses its lease after this; another replica takes the messages. */
const LEASE_SECONDS = 120;
/** Records or NATS unavailable: try again with a growing pause, then keep the message as failed for an admin. */
const MAX_ATTEMPTS = 10;
const POLL_MS = 500;
const SETTLE_MS = 5;

/**
 * Files stored messages, after the SMTP reply: parsing happens here, from the stored bytes, so a
 * parser crash never loses mail. A message that cannot be parsed or has no sender is kept and
 * marked failed (admins see it and can retry); a failure elsewhere is retried with backoff.
 */
@Injectable()
export class IngestWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IngestWorker');
  private readonly loop = new BackgroundLoop(() => this.step(), POLL_MS, SETTLE_MS);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly messages: RawMessagesRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly filing: FilingService,
    private readonly events: EventPublisher,
    private readonly recent: RecentRawMessages,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  nudge = (): void => this.loop.nudge();

  private async step(): Promise<boolean> {
    const claimed = await this.transactions
      .run(async (tx): Promise<ClaimedMessage[]> => {
        const rows = await this.messages.claim(tx, BATCH_MESSAGES, BATCH_BYTES, LEASE_SECONDS);
        const raws = this.recent.take(rows.map((row) => row.id));
        const missing = await this.messages.rawOf(tx, rows.filter((row) => !raws.has(row.id)).map((row) => row.id));
        return rows.map((row) => ({ ...row, raw: raws.get(row.id) ?? missing.get(row.id)! }));
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not claim messages');
        return [] as ClaimedMessage[];
      });
    if (claimed.length === 0) return false;
    const byAccount = new Map<number, ClaimedMessage[]>();
    for (const row of claimed) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
    await Promise.all([...byAccount].map(([accountId, rows]) => this.fileAccountBatch(accountId, rows)));
    return true;
  }

  private async fileAccountBatch(accountId: number, rows: ClaimedMessage[]): Promise<void> {
    try {
      const { filed, unfileable } = await this.filing.fileBatch(accountId, rows);
      await this.transactions.run(async (tx) => {
        const bodies = [];
        for (const message of filed) {
          const stored = await this.attachments.store(tx, accountId, message.row.id, message.parsed.attachments);
          if (message.publish) bodies.push(receivedEvent(message, stored));
        }
        await this.messages.markFiled(
          tx,
          filed.map((message) => ({ id: message.row.id, messageId: message.parsed.messageId, subject: message.plan.subject, log: message.log })),
        );
        await this.events.publishMany(tx, MailEvents.message.received, bodies);
        for (const message of unfileable) await this.messages.markAttemptFailed(tx, message.row.id, message.error, message.log, true, 0);
      });
      this.logFailures(unfileable);
    } catch (error) {
      this.logger.warn({ err: error, accountId, messages: rows.length }, 'filing failed; the messages will be retried');
      await this.retryLater(rows, error);
    }
  }

  private async retryLater(rows: ClaimedMessage[], error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    await this.transactions
      .run(async (tx) => {
        for (const row of rows) {
          const final = row.attempts >= MAX_ATTEMPTS;
          await this.messages.markAttemptFailed(tx, row.id, reason, row.log, final, Math.min(600, 2 ** row.attempts));
        }
      })
      .catch((failure: unknown) => this.logger.warn({ err: failure }, 'could not record a failed attempt; the lease will run out'));
  }

  private logFailures(unfileable: UnfiledMessage[]): void {
    for (const message of unfileable) this.logger.warn({ messageId: message.row.id, reason: message.error }, 'message kept as failed');
  }
}

