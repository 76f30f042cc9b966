import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BackgroundLoop, RUNTIME, ServiceRuntime, TransactionRunner } from '@crm/platform';
import { EmailThreadingService } from './email-threading.service';

/**
 * Emails per transaction. Embedded Postgres runs one transaction at a time for the whole app:
 * smaller batches there, so requests get their turn between them.
 */
const BATCH = { distributed: 500, embedded: 100 } as const;
/** How often an idle worker looks for emails stored without a nudge (by any replica or code path). */
const POLL_MS = 1000;

/**
 * The threading pass in the background: batch after batch of emails without a conversation,
 * each batch one transaction whose rows are leased with FOR UPDATE SKIP LOCKED, until none is
 * left; then it waits for the next poll or `nudge()`. Storing an email needs to know nothing about
 * conversations: whoever stores one may call `nudge` after commit to have it threaded at once.
 * Assigning only emails without a conversation makes the pass idempotent, and a batch that
 * fails rolls back whole and is taken again.
 */
@Injectable()
export class EmailThreadingWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EmailThreadingWorker');
  private readonly loop = new BackgroundLoop(() => this.step(), POLL_MS);
  private readonly batch: number;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly threading: EmailThreadingService,
    @Inject(RUNTIME) runtime: ServiceRuntime,
  ) {
    this.batch = BATCH[runtime.mode];
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Before the DataSource closes: let the batch in flight commit or roll back. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Emails were stored: thread them now rather than at the next poll. */
  nudge = (): void => this.loop.nudge();

  private async step(): Promise<boolean> {
    try {
      return (await this.transactions.run((tx) => this.threading.threadBatch(tx, this.batch))) > 0;
    } catch (error) {
      // Retried at the next poll (a lost deadlock, a connection gone): the batch rolled back whole.
      this.logger.warn({ err: error }, 'email threading batch failed; will retry');
      return false;
    }
  }
}
