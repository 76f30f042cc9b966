import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DomainError, RecordsEvents } from '@crm/contracts';
import { BackgroundLoop, EventPublisher, RUNTIME, ServiceRuntime, TransactionRunner, Tx } from '@crm/platform';
import { AccountBccService } from '../account-bcc/account-bcc.service';
import { UsersService } from '../users/users.service';
import { BulkJobsRepository } from './bulk-jobs.repository';
import type { JobEntity } from './entities/job.entity';
import { SMART_LIST_TARGETS } from './smart-list-targets';
import { rawRowToDto, toJobDto } from './smart-lists.mapper';

/**
 * Records per chunk: one UPDATE and one outbox INSERT each. Large enough that round trips do
 * not dominate, small enough that a chunk holds its row locks for well under a second. Embedded
 * Postgres (PGlite) runs one transaction at a time for the whole app: smaller chunks there, so
 * requests get their turn between them.
 */
const CHUNK_SIZE = { distributed: 5000, embedded: 500 } as const;
/** How often an idle worker looks for jobs queued by other replicas. */
const POLL_MS = 1000;
/** Lost to another transaction: try again, it is not the job's fault. */
const RETRYABLE = new Set(['40P01', '40001']);

const CHANGED = { reassign_owner: ['owner_id'], add_tag: ['tags'], remove_tag: ['tags'] } as const;

/**
 * Works through queued bulk jobs inside the records service, one chunk per transaction. Each
 * transaction claims a job with FOR UPDATE SKIP LOCKED, applies the next chunk of its snapshot
 * and advances its cursor, so replicas share the jobs, and a job whose worker crashed is picked
 * up again after its last committed chunk.
 */
@Injectable()
export class BulkJobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BulkJobWorker');
  private readonly loop = new BackgroundLoop(() => this.step(), POLL_MS);
  private readonly chunkSize: number;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: BulkJobsRepository,
    private readonly users: UsersService,
    private readonly bcc: AccountBccService,
    private readonly events: EventPublisher,
    @Inject(RUNTIME) runtime: ServiceRuntime,
  ) {
    this.chunkSize = CHUNK_SIZE[runtime.mode];
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Before the DataSource closes: let the chunk in flight commit or roll back. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** A job was queued on this replica: start at once rather than at the next poll. */
  nudge = (): void => this.loop.nudge();

  /** One chunk of one job. False when there was nothing to do, or it failed (so back off). */
  private lastSweep = 0;

  private async step(): Promise<boolean> {
    if (Date.now() - this.lastSweep > 60_000) {
      this.lastSweep = Date.now();
      await this.transactions.run((tx) => this.jobs.failStaleAllocations(tx)).catch(() => undefined);
    }
    const claimed: { job?: JobEntity } = {};
    try {
      return await this.transactions.run(async (tx) => {
        const job = await this.jobs.claimNext(tx);
        if (!job) return false;
        claimed.job = job;
        await this.processChunk(tx, job);
        return true;
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (claimed.job && !(typeof code === 'string' && RETRYABLE.has(code))) await this.recordFailure(claimed.job, error);
      else this.logger.warn({ err: error }, 'bulk job worker: retrying');
      return false;
    }
  }

  private async processChunk(tx: Tx, job: JobEntity): Promise<void> {
    if (job.status === 'queued') {
      // This transaction only marks it running, so a client polling the job sees at once that it is taken.
      return this.publishJob(tx, await this.jobs.markRunning(tx, job));
    }
    const ids = await this.jobs.nextItems(tx, job, job.last_record_id, this.chunkSize);
    if (ids.length === 0) return this.finish(tx, job, null);
    if (job.type === 'reassign_owner' && job.owner_id !== null) {
      try {
        await this.users.assertActiveUsers(tx, job.account_id, 'bulk_action', 'owner_id', [job.owner_id]);
      } catch (error) {
        if (error instanceof DomainError) return this.finish(tx, job, `stopped: ${error.message}`);
        throw error;
      }
    }
    const target = SMART_LIST_TARGETS[job.resource_type];
    const rows = await this.jobs.applyChunk(tx, job, target, ids);
    const bcc = job.resource_type === 'contact' ? await this.bcc.emailOf(tx, job.account_id) : null;
    await this.events.publishMany(
      tx,
      RecordsEvents[job.resource_type].updated,
      rows.map((row) => ({
        accountId: job.account_id,
        correlationId: job.correlation_id ?? undefined,
        entity: job.resource_type,
        id: row.id as number,
        actorId: job.creator_id,
        data: rawRowToDto(job.resource_type, row, bcc),
        changed: [...CHANGED[job.type]],
      })),
    );
    await this.jobs.advance(tx, job, ids[ids.length - 1], ids.length);
    // A short chunk was the last one: finish now rather than claim the job once more.
    if (ids.length < this.chunkSize) await this.finish(tx, job, null);
  }

  private async finish(tx: Tx, job: JobEntity, error: string | null): Promise<void> {
    const finished = await this.jobs.finish(tx, job, error);
    await this.publishJob(tx, finished);
  }

  /** The chunk rolled back; count the failure in a transaction of its own. */
  private async recordFailure(job: JobEntity, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn({ err: error, jobId: job.id }, 'bulk job chunk failed');
    try {
      await this.transactions.run(async (tx) => {
        const updated = await this.jobs.recordFailure(tx, job.account_id, job.id, message);
        if (updated?.status === 'failed') await this.finish(tx, updated, updated.error);
      });
    } catch (failure) {
      this.logger.warn({ err: failure, jobId: job.id }, 'could not record the failure of a bulk job chunk');
    }
  }

  private async publishJob(tx: Tx, job: JobEntity): Promise<void> {
    await this.events.publish(tx, RecordsEvents.job.updated, {
      accountId: job.account_id,
      correlationId: job.correlation_id ?? undefined,
      entity: 'job',
      id: job.id,
      actorId: job.creator_id,
      data: toJobDto(job),
      changed: ['status'],
    });
  }
}
