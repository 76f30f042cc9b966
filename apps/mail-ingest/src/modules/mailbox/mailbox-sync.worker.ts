import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop, TransactionRunner } from '@crm/platform';
import { MAIL_INGEST_SETTINGS, MailIngestEnv } from '../../config';
import { ClaimedConnection, MailboxSyncStateRepository } from './mailbox-sync-state.repository';
import { LeaseLost, MailboxSynchronizer, SYNC_LEASE_SECONDS } from './mailbox-synchronizer';
import { describeSyncFailure } from './sync-failure';

/**
 * How often a replica looks for connections that are due, at most: a new or changed connection
 * nudges it at once, so this only needs to be as fine as the poll and retry intervals.
 */
const MAX_LOOKUP_SECONDS = 5;

/**
 * Keeps every connected mailbox in sync: leases the connections that are due (never one that
 * another replica holds), syncs up to MAILBOX_SYNC_CONCURRENCY of them at once, then schedules
 * the next poll, or — after a failure — the next attempt with exponential backoff and the reason
 * in `last_error`. On shutdown the syncs stop at their next batch and hand their lease back.
 */
@Injectable()
export class MailboxSyncWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MailboxSyncWorker');
  private readonly loop: BackgroundLoop;
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly state: MailboxSyncStateRepository,
    private readonly synchronizer: MailboxSynchronizer,
    @Inject(MAIL_INGEST_SETTINGS) private readonly settings: MailIngestEnv,
  ) {
    const lookupSeconds = Math.min(settings.MAILBOX_POLL_SECONDS, settings.MAILBOX_RETRY_BASE_SECONDS, MAX_LOOKUP_SECONDS);
    this.loop = new BackgroundLoop(() => this.step(), lookupSeconds * 1000);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
    await Promise.all(this.running);
  }

  nudge = (): void => this.loop.nudge();

  /** Start syncs for the free slots; a finished sync nudges the loop to fill its slot again. */
  private async step(): Promise<boolean> {
    const free = this.settings.MAILBOX_SYNC_CONCURRENCY - this.running.size;
    if (free <= 0 || this.stopping) return false;
    const claimed = await this.transactions
      .run((tx) => this.state.claimDue(tx, free, SYNC_LEASE_SECONDS))
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not lease mailbox connections');
        return [] as ClaimedConnection[];
      });
    for (const connection of claimed) {
      const run: Promise<void> = this.syncOne(connection).finally(() => {
        this.running.delete(run);
        this.loop.nudge();
      });
      this.running.add(run);
    }
    return false;
  }

  private async syncOne(connection: ClaimedConnection): Promise<void> {
    try {
      const outcome = await this.synchronizer.sync(connection, () => this.stopping);
      await this.transactions.run((tx) =>
        outcome === 'done' ? this.state.finish(tx, connection, this.settings.MAILBOX_POLL_SECONDS) : this.state.release(tx, connection),
      );
    } catch (error) {
      if (error instanceof LeaseLost) return; // changed, deleted or taken over: whoever holds it now carries on
      const reason = describeSyncFailure(error, connection);
      this.logger.warn({ connectionId: connection.id, accountId: connection.account_id, reason }, 'mailbox sync failed; retrying with backoff');
      await this.transactions
        .run((tx) => this.state.fail(tx, connection, reason, this.settings.MAILBOX_RETRY_BASE_SECONDS, this.settings.MAILBOX_RETRY_MAX_SECONDS))
        .catch((failure: unknown) => this.logger.warn({ err: failure }, 'could not record a failed mailbox sync; its lease will run out'));
    }
  }
}
