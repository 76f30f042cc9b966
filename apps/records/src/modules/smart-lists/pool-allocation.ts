import { Injectable, Logger } from '@nestjs/common';
import { Actor, DistributionRequests, DomainError } from '@crm/contracts';
import { RpcClient, TransactionRunner } from '@crm/platform';
import { BulkJobWorker } from './bulk-job.worker';
import { BulkJobsRepository } from './bulk-jobs.repository';
import type { JobEntity } from './entities/job.entity';

/** The most owners asked of the pool at once (the distribution service's limit per request). */
const ALLOCATION_CHUNK = 10_000;

/**
 * A reassignment through a pool: the pool chooses an owner for every record of the snapshot, in
 * record id order, then the job is queued for the worker. Runs after the request has answered;
 * the questions to distribution happen outside any transaction (see RecordSupportService).
 */
@Injectable()
export class PoolAllocation {
  private readonly logger = new Logger('PoolAllocation');

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: BulkJobsRepository,
    private readonly rpc: RpcClient,
    private readonly worker: BulkJobWorker,
  ) {}

  allocate(actor: Actor, job: JobEntity): void {
    void this.run(actor, job).catch(async (error: unknown) => {
      const message = error instanceof DomainError ? error.message : 'choosing owners from the pool failed';
      this.logger.warn({ err: error, jobId: job.id }, 'pool allocation failed');
      // Nothing was changed on the records: the job fails as a whole, with the pool's reason.
      await this.transactions.run((tx) => this.jobs.finish(tx, job, message)).catch(() => undefined);
    });
  }

  private async run(actor: Actor, job: JobEntity): Promise<void> {
    for (;;) {
      const recordIds = await this.transactions.read((tx) => this.jobs.unallocatedItems(tx, job, ALLOCATION_CHUNK));
      if (recordIds.length === 0) break;
      const reply = await this.rpc.request(DistributionRequests.NextOwners, {
        ...actor,
        poolId: job.owner_pool_id!,
        resourceTypes: [job.resource_type],
        count: recordIds.length,
        source: 'smart_list',
      });
      await this.transactions.run((tx) => this.jobs.setItemOwners(tx, job, recordIds, reply.ownerIds));
    }
    await this.transactions.run((tx) => this.jobs.markQueued(tx, job));
    this.worker.nudge();
  }
}
