import { Injectable } from '@nestjs/common';
import { Actor, BulkActionAttributes, DistributionRequests, DomainError, JobDto, parseAttributes, RecordResourceType, RecordsEvents } from '@crm/contracts';
import { EventPublisher, RpcClient, TransactionRunner, Tx } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { NamedItemsService } from '../named-items/named-items.service';
import { UsersService } from '../users/users.service';
import { BulkJobWorker } from './bulk-job.worker';
import { BulkJobsRepository } from './bulk-jobs.repository';
import { PoolAllocation } from './pool-allocation';
import type { JobEntity } from './entities/job.entity';
import { SmartListRecordsRepository } from './smart-list-records.repository';
import { toJobDto } from './smart-lists.mapper';
import { SmartListsService } from './smart-lists.service';

/**
 * Bulk actions on a smart list, run as jobs so that 100k records never hold up a request.
 *
 * The rule for a list that changes while its job runs: a job acts on the snapshot of the record
 * ids the list matched, for the user who started it, at the moment it was created (copied into
 * `job_items` by one INSERT … SELECT in the creating transaction). So:
 * - records that come to match afterwards (created, or changed to match) are not touched;
 * - records of the snapshot that stop matching are still acted on: the job is what the list
 *   showed when the user asked;
 * - records of the snapshot deleted meanwhile are skipped (counted as processed);
 * - records the action would not change (already that owner, already tagged) are left alone,
 *   with no update and no event;
 * - the snapshot is worked through in chunks of record ids, each chunk one transaction that
 *   also advances the job's progress, so a record is either done or not, never half done, and
 *   after a crash the job resumes after the last committed chunk.
 * A job reassigning to a user who is deactivated meanwhile stops as failed; chunks already done
 * stay done. A job reassigning through a distribution pool first has the pool choose an owner
 * for every record of the snapshot, in id order (status `allocating`), then runs like the others.
 */
@Injectable()
export class BulkJobsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: BulkJobsRepository,
    private readonly records: SmartListRecordsRepository,
    private readonly smartLists: SmartListsService,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly namedItems: NamedItemsService,
    private readonly events: EventPublisher,
    private readonly worker: BulkJobWorker,
    private readonly allocation: PoolAllocation,
    private readonly rpc: RpcClient,
  ) {}

  /** Snapshot the list and queue the job; answers at once with the job (status queued). */
  async start(actor: Actor, smartListId: number, data: unknown): Promise<JobDto> {
    const action = validAction(parseAttributes('bulk_action', BulkActionAttributes, data));
    const { resource_type: resourceType } = await this.smartLists.get(actor, smartListId);
    const definitions = await this.smartLists.definitionsFor(actor, resourceType);
    if (action.owner_pool_id !== null) await this.checkPool(actor, action.owner_pool_id, resourceType);
    return this.transactions.run(async (tx) => {
      const list = await this.smartLists.load(tx, actor.accountId, smartListId);
      const access =
        action.action === 'reassign_owner'
          ? await this.access.require(tx, actor, 'reassign_records', 'bulk_action')
          : await this.access.load(tx, actor);
      if (action.owner_id !== null) await this.users.assertActiveUsers(tx, actor.accountId, 'bulk_action', 'owner_id', [action.owner_id]);
      // Sell creates a tag when it is first used.
      if (action.action === 'add_tag' && action.tag) await this.namedItems.ensureTags(tx, actor, list.resource_type, [action.tag]);
      const job = await this.jobs.insert(tx, {
        account_id: actor.accountId,
        type: action.action,
        status: action.owner_pool_id === null ? 'queued' : 'allocating',
        smart_list_id: list.id,
        resource_type: list.resource_type,
        owner_id: action.owner_id,
        owner_pool_id: action.owner_pool_id,
        tag: action.tag,
        total: 0,
        processed: 0,
        last_record_id: 0,
        attempts: 0,
        error: null,
        creator_id: actor.userId,
        correlation_id: actor.correlationId ?? null,
        started_at: null,
        finished_at: null,
      });
      const evaluation = this.smartLists.evaluation(list, access, definitions);
      const total = await this.jobs.insertSnapshot(tx, this.records.idsForJob(tx, actor.accountId, evaluation, job.id));
      const queued = await this.jobs.setTotal(tx, actor.accountId, job, total);
      await this.emit(tx, queued);
      if (queued.status === 'allocating') tx.afterCommit(() => this.allocation.allocate(actor, queued));
      else tx.afterCommit(this.worker.nudge);
      return toJobDto(queued);
    });
  }

  /** Its creator follows a job; so does anyone who sees all records (404 for others). */
  get(actor: Actor, id: number): Promise<JobDto> {
    return this.transactions.read(async (tx) => {
      const job = await this.jobs.find(tx, actor.accountId, id);
      const access = await this.access.load(tx, actor);
      if (!job || (job.creator_id !== actor.userId && access.ownerScope !== null)) throw DomainError.notFound('job', id);
      return toJobDto(job);
    });
  }

  /** The pool must exist and serve the list's record type (checked before anything is queued). */
  private async checkPool(actor: Actor, poolId: number, resourceType: RecordResourceType): Promise<void> {
    const pool = await this.rpc.request(DistributionRequests.GetPool, { ...actor, id: poolId }).catch((error: unknown) => {
      if (error instanceof DomainError && error.status === 404) {
        throw DomainError.invalid('bulk_action', 'owner_pool_id', `distribution pool ${poolId} does not exist`);
      }
      throw error;
    });
    if (pool.resource_type !== resourceType) {
      throw DomainError.invalid('bulk_action', 'owner_pool_id', `pool ${poolId} distributes ${pool.resource_type}s, not ${resourceType}s`);
    }
  }

  private async emit(tx: Tx, job: JobEntity): Promise<void> {
    await this.events.publish(tx, RecordsEvents.job.created, {
      accountId: job.account_id,
      correlationId: job.correlation_id ?? undefined,
      entity: 'job',
      id: job.id,
      actorId: job.creator_id,
      data: toJobDto(job),
    });
  }
}

interface ValidAction {
  action: BulkActionAttributes['action'];
  owner_id: number | null;
  owner_pool_id: number | null;
  tag: string | null;
}

/** Each action with exactly the attribute it needs. */
function validAction(attributes: BulkActionAttributes): ValidAction {
  if (attributes.action === 'reassign_owner') {
    const toUser = attributes.owner_id != null;
    const toPool = attributes.owner_pool_id != null;
    if (!toUser && !toPool) throw DomainError.invalid('bulk_action', 'owner_id', 'owner_id or owner_pool_id is required', 'blank');
    if (toUser && toPool) throw DomainError.invalid('bulk_action', 'owner_pool_id', 'give owner_id or owner_pool_id, not both');
    if (attributes.tag != null) throw DomainError.invalid('bulk_action', 'tag', 'tag does not apply to reassign_owner', 'unknown');
    return { action: attributes.action, owner_id: attributes.owner_id ?? null, owner_pool_id: attributes.owner_pool_id ?? null, tag: null };
  }
  const tag = attributes.tag?.trim();
  if (!tag) throw DomainError.invalid('bulk_action', 'tag', 'tag is required', 'blank');
  if (attributes.owner_id != null || attributes.owner_pool_id != null) {
    const field = attributes.owner_id != null ? 'owner_id' : 'owner_pool_id';
    throw DomainError.invalid('bulk_action', field, `${field} does not apply to ${attributes.action}`, 'unknown');
  }
  return { action: attributes.action, owner_id: null, owner_pool_id: null, tag };
}
