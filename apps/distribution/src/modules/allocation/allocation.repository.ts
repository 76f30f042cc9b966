import { Injectable } from '@nestjs/common';
import type { AssignmentDto, ListQuery, RecordResourceType } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface NewAssignment {
  userId: number;
  reason: string;
  source: string;
  correlationId: string | null;
}

interface AssignmentRow extends Omit<AssignmentDto, 'created_at'> {
  created_at: Date;
}

/** The round-robin state written back after a batch, and the assignment log. */
@Injectable()
export class AllocationRepository {
  async saveWeights(tx: Tx, poolId: number, weights: { userId: number; currentWeight: number }[]): Promise<void> {
    await tx.rows(
      `UPDATE distribution.pool_members m SET current_weight = w.current_weight
       FROM unnest($2::int[], $3::bigint[]) AS w(user_id, current_weight)
       WHERE m.pool_id = $1 AND m.user_id = w.user_id`,
      [poolId, weights.map((w) => w.userId), weights.map((w) => w.currentWeight)],
    );
  }

  async addDailyCounts(tx: Tx, poolId: number, counts: Map<number, number>): Promise<void> {
    if (counts.size === 0) return;
    await tx.rows(
      `INSERT INTO distribution.member_daily_counts (pool_id, user_id, day, assigned)
       SELECT $1, c.user_id, (now() AT TIME ZONE 'utc')::date, c.n FROM unnest($2::int[], $3::int[]) AS c(user_id, n)
       ON CONFLICT (pool_id, user_id, day) DO UPDATE SET assigned = member_daily_counts.assigned + excluded.assigned`,
      [poolId, [...counts.keys()], [...counts.values()]],
    );
  }

  /** Log lines in pick order; their ids come back in the same order. */
  async log(tx: Tx, accountId: number, poolId: number, resourceType: RecordResourceType, lines: NewAssignment[]): Promise<number[]> {
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO distribution.assignments (account_id, pool_id, user_id, resource_type, reason, source, correlation_id)
       SELECT $1, $2, a.user_id, $3, a.reason, a.source, a.correlation_id
       FROM unnest($4::int[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS a(user_id, reason, source, correlation_id, n)
       ORDER BY a.n
       RETURNING id`,
      [
        accountId,
        poolId,
        resourceType,
        lines.map((l) => l.userId),
        lines.map((l) => l.reason),
        lines.map((l) => l.source),
        lines.map((l) => l.correlationId),
      ],
    );
    return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  }

  async attachRecords(tx: Tx, accountId: number, assignmentIds: number[], resourceIds: number[]): Promise<number> {
    const rows = await tx.rows<{ id: string }>(
      `UPDATE distribution.assignments a SET resource_id = r.resource_id
       FROM unnest($2::bigint[], $3::int[]) AS r(id, resource_id)
       WHERE a.account_id = $1 AND a.id = r.id RETURNING a.id`,
      [accountId, assignmentIds, resourceIds],
    );
    return rows.length;
  }

  async list(tx: Tx, accountId: number, query: ListQuery): Promise<{ rows: AssignmentRow[]; hasMore: boolean }> {
    const f = query.filters;
    const rows = await tx.rows<AssignmentRow>(
      `SELECT id::int, pool_id, user_id, resource_type, resource_id, reason, source, created_at FROM distribution.assignments
       WHERE account_id = $1 AND ($2::int IS NULL OR pool_id = $2) AND ($3::int IS NULL OR user_id = $3)
         AND ($4::text IS NULL OR resource_type = $4) AND ($5::int IS NULL OR resource_id = $5)
       ORDER BY id DESC LIMIT $6 OFFSET $7`,
      [
        accountId,
        f.pool_id ?? null,
        f.user_id ?? null,
        f.resource_type ?? null,
        f.resource_id ?? null,
        query.perPage + 1,
        (query.page - 1) * query.perPage,
      ],
    );
    return { rows: rows.slice(0, query.perPage), hasMore: rows.length > query.perPage };
  }
}
