import { Injectable } from '@nestjs/common';
import { AssignmentDto, DomainError, ListQuery, NextOwnersReply, NextOwnersRequest, Page } from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { MemberRow, PoolsRepository } from '../pools/pools.repository';
import { AllocationRepository, NewAssignment } from './allocation.repository';
import { Candidate, pickOwners } from './weighted-round-robin';

interface Waiting {
  request: NextOwnersRequest;
  resolve: (reply: NextOwnersReply) => void;
  reject: (error: unknown) => void;
}

/** Requests for one pool taken into one transaction at most (a pool's allocations are serial). */
const MAX_BATCH = 500;

/**
 * Owners from a pool, exact under concurrency and across replicas: each batch of requests for a
 * pool runs in one transaction holding the pool's row lock, reads the round-robin state, picks,
 * writes it back with the day's counts and the log. Requests that arrive while a pool's batch is
 * running wait for the next one, so many parallel single assignments cost few transactions.
 */
@Injectable()
export class AllocationService {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly pools: PoolsRepository,
    private readonly allocations: AllocationRepository,
  ) {}

  nextOwners(request: NextOwnersRequest): Promise<NextOwnersReply> {
    if (!Number.isInteger(request.count) || request.count < 1 || request.count > 10_000) {
      return Promise.reject(DomainError.invalid('distribution_pool', 'count', 'count must be between 1 and 10000'));
    }
    const key = `${request.accountId}:${request.poolId}`;
    return new Promise<NextOwnersReply>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ request, resolve, reject });
        return;
      }
      this.queues.set(key, [{ request, resolve, reject }]);
      void this.drain(key);
    });
  }

  recordAssignments(accountId: number, assignmentIds: number[], resourceIds: number[]): Promise<{ updated: number }> {
    if (assignmentIds.length !== resourceIds.length) {
      return Promise.reject(DomainError.invalid('assignment', 'resource_ids', 'one record per assignment'));
    }
    return this.transactions.run(async (tx) => ({ updated: await this.allocations.attachRecords(tx, accountId, assignmentIds, resourceIds) }));
  }

  list(accountId: number, query: ListQuery): Promise<Page<AssignmentDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.allocations.list(tx, accountId, query);
      return { items: page.rows.map((row) => ({ ...row, created_at: row.created_at.toISOString().replace(/\.\d{3}Z$/, 'Z') })), hasMore: page.hasMore };
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        await this.transactions.run((tx) => this.allocateBatch(tx, batch));
      } catch (error) {
        batch.forEach((waiting) => waiting.reject(error));
      }
    }
    this.queues.delete(key);
  }

  /** Settles every request of the batch: its owners, or its own error (others are unaffected). */
  private async allocateBatch(tx: Tx, batch: Waiting[]): Promise<void> {
    const { accountId, poolId } = batch[0].request;
    const pool = await this.pools.find(tx, accountId, poolId, true);
    const members = pool ? await this.pools.members(tx, accountId, [poolId]) : [];
    const candidates = members.filter((m) => m.active && !m.paused).map(toCandidate);
    const skipped = describeSkipped(members);
    const settled: { waiting: Waiting; lines: NewAssignment[] }[] = [];

    for (const waiting of batch) {
      const { request } = waiting;
      if (!pool) {
        waiting.reject(DomainError.notFound('distribution_pool', poolId));
        continue;
      }
      if (!request.resourceTypes.includes(pool.resource_type)) {
        const wanted = request.resourceTypes.map((type) => `${type}s`).join(' or ');
        waiting.reject(DomainError.invalid('distribution_pool', 'owner_pool_id', `pool ${poolId} distributes ${pool.resource_type}s, not ${wanted}`));
        continue;
      }
      const trial = candidates.map((c) => ({ ...c }));
      const picks = pickOwners(trial, request.count);
      if (!picks) {
        waiting.reject(DomainError.conflict('distribution_pool', noOneAvailable(members, candidates.length)));
        continue;
      }
      trial.forEach((state, i) => Object.assign(candidates[i], state));
      const lines = picks.map((pick) => ({
        userId: pick.userId,
        reason: reasonFor(pick.userId, pick.atCap, members, skipped),
        source: request.source,
        correlationId: request.correlationId ?? null,
      }));
      settled.push({ waiting, lines });
    }
    if (settled.length === 0 || !pool) return;

    await this.allocations.saveWeights(tx, poolId, candidates.map((c) => ({ userId: c.userId, currentWeight: c.currentWeight })));
    const counts = new Map<number, number>();
    for (const line of settled.flatMap((s) => s.lines)) counts.set(line.userId, (counts.get(line.userId) ?? 0) + 1);
    await this.allocations.addDailyCounts(tx, poolId, counts);
    const ids = await this.allocations.log(tx, accountId, poolId, pool.resource_type, settled.flatMap((s) => s.lines));
    let offset = 0;
    // Replies go out after the commit: an answer never names an owner the database does not have.
    const replies = settled.map(({ waiting, lines }) => {
      const reply = {
        resourceType: pool.resource_type,
        ownerIds: lines.map((l) => l.userId),
        assignmentIds: ids.slice(offset, offset + lines.length),
      };
      offset += lines.length;
      return { waiting, reply };
    });
    tx.afterCommit(() => replies.forEach(({ waiting, reply }) => waiting.resolve(reply)));
  }
}

function toCandidate(member: MemberRow): Candidate {
  return {
    userId: member.user_id,
    position: member.position,
    weight: member.weight,
    currentWeight: Number(member.current_weight),
    remaining: member.daily_cap === null ? Infinity : Math.max(0, member.daily_cap - member.assigned_today),
  };
}

function describeSkipped(members: MemberRow[]): string[] {
  return members.filter((m) => !m.active || m.paused).map((m) => `${label(m)} (${m.active ? 'away' : 'inactive'})`);
}

function reasonFor(userId: number, atCap: number[], members: MemberRow[], skipped: string[]): string {
  const member = members.find((m) => m.user_id === userId)!;
  const passed = [...skipped, ...atCap.map((id) => `${label(members.find((m) => m.user_id === id)!)} (daily cap reached)`)];
  const turn = member.weight === 1 ? 'next in order' : `next in order with weight ${member.weight}`;
  return passed.length > 0 ? `${turn}; skipped ${passed.join(', ')}` : turn;
}

function noOneAvailable(members: MemberRow[], available: number): string {
  if (members.length === 0) return 'the pool has no members';
  if (available === 0) return 'every member of the pool is inactive or away';
  return 'every available member of the pool has reached their daily cap';
}

const label = (member: MemberRow) => (member.name ? `${member.name} (#${member.user_id})` : `user #${member.user_id}`);
