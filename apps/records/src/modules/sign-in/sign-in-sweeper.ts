import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop, TransactionRunner } from '@crm/platform';
import { InvitationsRepository } from './invitations.repository';
import { SessionsRepository } from './sessions.repository';

/** Ended sessions and invitations are kept this long (to look into a support case), then deleted. */
const KEEP_ENDED_DAYS = 7;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** Rows deleted per statement and table, so a first sweep of a large backlog holds no long locks. */
const BATCH = 5000;

/**
 * Deletes sessions that expired or were signed out, and invitations that were used, voided or
 * expired, once they ended more than KEEP_ENDED_DAYS ago. Nothing reads them after they end
 * (sign-in and invitation links see only live ones), so only the tables' size changes. Replicas
 * may sweep at the same time: they delete the same rows once.
 */
@Injectable()
export class SignInSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SignInSweeper');
  private readonly loop = new BackgroundLoop(() => this.step(), SWEEP_EVERY_MS);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** One batch of each table; how many rows went. */
  sweep(): Promise<{ sessions: number; invitations: number }> {
    return this.transactions.run(async (tx) => ({
      sessions: await this.sessions.deleteEnded(tx, KEEP_ENDED_DAYS, BATCH),
      invitations: await this.invitations.deleteEnded(tx, KEEP_ENDED_DAYS, BATCH),
    }));
  }

  /** True while full batches keep coming (sweep again at once). */
  private async step(): Promise<boolean> {
    try {
      const swept = await this.sweep();
      return swept.sessions === BATCH || swept.invitations === BATCH;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not delete ended sessions and invitations; trying again later');
      return false;
    }
  }
}
