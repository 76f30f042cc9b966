import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { JobEntity } from './entities/job.entity';
import type { SmartListTarget } from './smart-list-targets';

/** Failed tries of one chunk after which the job is marked failed. */
export const MAX_ATTEMPTS = 3;

/**
 * Jobs and their snapshots, in plain SQL where rows go by the thousand (an entity save per
 * record would be far too slow), every statement scoped by the job's account.
 */
@Injectable()
export class BulkJobsRepository {
  find(tx: Tx, accountId: number, id: number): Promise<JobEntity | null> {
    return tx.manager.getRepository(JobEntity).findOneBy({ account_id: accountId, id });
  }

  async insert(tx: Tx, job: Omit<JobEntity, 'id' | 'created_at' | 'updated_at'>): Promise<JobEntity> {
    const result = await tx.manager.createQueryBuilder().insert().into(JobEntity).values(job).returning('*').execute();
    return Object.assign(new JobEntity(), (result.raw as JobEntity[])[0]);
  }

  /** Copy the matching ids (`SELECT job_id, record_id …`) into the job's snapshot; returns how many. */
  async insertSnapshot(tx: Tx, [select, params]: [string, unknown[]]): Promise<number> {
    const rows: { total: number }[] = await tx.manager.query(
      // By name: the query builder does not keep the order of selected columns.
      `WITH items AS (INSERT INTO records.job_items (job_id, record_id) SELECT job_id, record_id FROM (${select}) AS matching RETURNING 1)
       SELECT count(*)::int AS total FROM items`,
      params,
    );
    return rows[0].total;
  }

  async setTotal(tx: Tx, accountId: number, job: JobEntity, total: number): Promise<JobEntity> {
    const finished = total === 0;
    const rows = await tx.rows<JobEntity>(
      `UPDATE records.jobs SET total = $3, status = CASE WHEN $4 THEN 'completed' ELSE status END,
              started_at = CASE WHEN $4 THEN now() END, finished_at = CASE WHEN $4 THEN now() END
       WHERE account_id = $1 AND id = $2 RETURNING *`,
      [accountId, job.id, total, finished],
    );
    return Object.assign(new JobEntity(), rows[0]);
  }

  /**
   * Claim the unfinished job that waited longest, locked until the caller's transaction ends.
   * SKIP LOCKED: replicas never wait for each other, each takes a job nobody is working on, and
   * a job whose worker died is unlocked (its transaction rolled back) and taken up again.
   */
  async claimNext(tx: Tx): Promise<JobEntity | null> {
    const rows: JobEntity[] = await tx.manager.query(
      `SELECT * FROM records.jobs WHERE status IN ('queued', 'running')
       ORDER BY updated_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return rows[0] ?? null;
  }

  async markRunning(tx: Tx, job: JobEntity): Promise<JobEntity> {
    const rows = await tx.rows<JobEntity>(
      `UPDATE records.jobs SET status = 'running', started_at = now(), updated_at = clock_timestamp()
       WHERE account_id = $1 AND id = $2 RETURNING *`,
      [job.account_id, job.id],
    );
    return Object.assign(new JobEntity(), rows[0]);
  }

  /** The next chunk of the snapshot after `after`, in id order. */
  async nextItems(tx: Tx, job: JobEntity, after: number, limit: number): Promise<number[]> {
    const rows: { record_id: number }[] = await tx.manager.query(
      `SELECT record_id FROM records.job_items WHERE job_id = $1 AND record_id > $2 ORDER BY record_id LIMIT $3`,
      [job.id, after, limit],
    );
    return rows.map((row) => row.record_id);
  }

  /** Mark a chunk done: progress and cursor move in the transaction that applied it. */
  async advance(tx: Tx, job: JobEntity, lastRecordId: number, done: number): Promise<void> {
    await tx.manager.query(
      `UPDATE records.jobs SET updated_at = clock_timestamp(), last_record_id = $3, processed = processed + $4, attempts = 0, error = NULL
       WHERE account_id = $1 AND id = $2`,
      [job.account_id, job.id, lastRecordId, done],
    );
  }

  /** The next snapshot items still without an owner from the pool, in id order. */
  async unallocatedItems(tx: Tx, job: JobEntity, limit: number): Promise<number[]> {
    const rows = await tx.rows<{ record_id: number }>(
      `SELECT record_id FROM records.job_items WHERE job_id = $1 AND owner_id IS NULL ORDER BY record_id LIMIT $2`,
      [job.id, limit],
    );
    return rows.map((row) => row.record_id);
  }

  async setItemOwners(tx: Tx, job: JobEntity, recordIds: number[], ownerIds: number[]): Promise<void> {
    await tx.rows(
      `UPDATE records.job_items i SET owner_id = o.owner_id FROM unnest($2::int[], $3::int[]) AS o(record_id, owner_id)
       WHERE i.job_id = $1 AND i.record_id = o.record_id`,
      [job.id, recordIds, ownerIds],
    );
  }

  async markQueued(tx: Tx, job: JobEntity): Promise<JobEntity> {
    const rows = await tx.rows<JobEntity>(
      `UPDATE records.jobs SET status = 'queued', updated_at = clock_timestamp() WHERE account_id = $1 AND id = $2 AND status = 'allocating' RETURNING *`,
      [job.account_id, job.id],
    );
    return Object.assign(new JobEntity(), rows[0]);
  }

  /** Jobs whose allocation was cut off (a crash while the pool chose owners): failed, nothing was changed. */
  async failStaleAllocations(tx: Tx): Promise<void> {
    await tx.rows(
      `UPDATE records.jobs SET status = 'failed', finished_at = now(), updated_at = now(),
              error = 'choosing owners from the pool was interrupted; no record was changed, start the job again'
       WHERE status = 'allocating' AND updated_at < now() - interval '5 minutes'`,
    );
  }

  /** The snapshot is no longer needed once the job has ended. */
  async finish(tx: Tx, job: JobEntity, error: string | null): Promise<JobEntity> {
    const rows = await tx.rows<JobEntity>(
      `UPDATE records.jobs SET status = $3, error = $4, started_at = coalesce(started_at, now()), finished_at = now(), updated_at = now()
       WHERE account_id = $1 AND id = $2 RETURNING *`,
      [job.account_id, job.id, error === null ? 'completed' : 'failed', error],
    );
    await tx.manager.query(`DELETE FROM records.job_items WHERE job_id = $1`, [job.id]);
    return Object.assign(new JobEntity(), rows[0]);
  }

  /** A chunk failed (its transaction rolled back): count it; after MAX_ATTEMPTS the job fails. */
  async recordFailure(tx: Tx, accountId: number, jobId: number, message: string): Promise<JobEntity | null> {
    const rows = await tx.rows<JobEntity>(
      `UPDATE records.jobs SET attempts = attempts + 1, error = $3, updated_at = clock_timestamp(),
              status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE status END,
              finished_at = CASE WHEN attempts + 1 >= $4 THEN now() END
       WHERE account_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING *`,
      [accountId, jobId, message, MAX_ATTEMPTS],
    );
    return rows[0] ? Object.assign(new JobEntity(), rows[0]) : null;
  }

  /**
   * Apply the job's action to the chunk's records in one UPDATE. Records deleted since the
   * snapshot are simply not found; records the action would not change (already that owner,
   * already tagged, not tagged) are left alone, so they get no update and no event.
   */
  async applyChunk(tx: Tx, job: JobEntity, target: SmartListTarget, ids: number[]): Promise<Record<string, unknown>[]> {
    const scope = `account_id = $1 AND id = ANY($2::int[])`;
    switch (job.type) {
      case 'reassign_owner':
        if (job.owner_pool_id !== null) {
          // Each record to the owner the pool chose for it.
          return tx.rows<Record<string, unknown>>(
            `UPDATE ${target.table} AS t SET owner_id = i.owner_id, updated_at = now()
             FROM records.job_items i
             WHERE t.account_id = $1 AND t.id = ANY($2::int[]) AND i.job_id = $3 AND i.record_id = t.id AND t.owner_id <> i.owner_id
             RETURNING t.*`,
            [job.account_id, ids, job.id],
          );
        }
        return tx.rows<Record<string, unknown>>(
          `UPDATE ${target.table} SET owner_id = $3, updated_at = now() WHERE ${scope} AND owner_id <> $3 RETURNING *`,
          [job.account_id, ids, job.owner_id],
        );
      case 'add_tag':
        return tx.rows<Record<string, unknown>>(
          `UPDATE ${target.table} SET tags = array_append(tags, $3::text), updated_at = now()
           WHERE ${scope} AND NOT (records.lowercase_tags(tags) @> ARRAY[lower($3::text)]) RETURNING *`,
          [job.account_id, ids, job.tag],
        );
      case 'remove_tag':
        return tx.rows<Record<string, unknown>>(
          `UPDATE ${target.table} SET tags = ARRAY(SELECT t FROM unnest(tags) AS t WHERE lower(t) <> lower($3::text)), updated_at = now()
           WHERE ${scope} AND records.lowercase_tags(tags) @> ARRAY[lower($3::text)] RETURNING *`,
          [job.account_id, ids, job.tag],
        );
    }
  }
}

