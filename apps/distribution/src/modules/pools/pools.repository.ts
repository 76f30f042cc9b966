import { Injectable } from '@nestjs/common';
import type { ListQuery, RecordResourceType } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface PoolRow {
  id: number;
  account_id: number;
  name: string;
  resource_type: RecordResourceType;
  creator_id: number;
  created_at: Date;
  updated_at: Date;
}

export interface MemberRow {
  pool_id: number;
  user_id: number;
  position: number;
  weight: number;
  paused: boolean;
  daily_cap: number | null;
  current_weight: string;
  assigned_today: number;
  active: boolean;
  name: string | null;
}

export interface MemberInput {
  user_id: number;
  weight: number;
  paused: boolean;
  daily_cap: number | null;
}

@Injectable()
export class PoolsRepository {
  async list(tx: Tx, accountId: number, query: ListQuery): Promise<{ rows: PoolRow[]; hasMore: boolean }> {
    const resourceType = query.filters.resource_type;
    const rows = await tx.rows<PoolRow>(
      `SELECT * FROM distribution.pools WHERE account_id = $1 AND ($2::text IS NULL OR resource_type = $2)
       AND ($3::int[] IS NULL OR id = ANY($3)) ORDER BY id LIMIT $4 OFFSET $5`,
      [accountId, resourceType ?? null, query.ids ?? null, query.perPage + 1, (query.page - 1) * query.perPage],
    );
    return { rows: rows.slice(0, query.perPage), hasMore: rows.length > query.perPage };
  }

  async find(tx: Tx, accountId: number, id: number, lock = false): Promise<PoolRow | null> {
    const rows = await tx.rows<PoolRow>(
      `SELECT * FROM distribution.pools WHERE account_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [accountId, id],
    );
    return rows[0] ?? null;
  }

  async insert(tx: Tx, pool: Pick<PoolRow, 'account_id' | 'name' | 'resource_type' | 'creator_id'>): Promise<PoolRow> {
    const [row] = await tx.rows<PoolRow>(
      `INSERT INTO distribution.pools (account_id, name, resource_type, creator_id) VALUES ($1, $2, $3, $4) RETURNING *`,
      [pool.account_id, pool.name, pool.resource_type, pool.creator_id],
    );
    return row;
  }

  async rename(tx: Tx, accountId: number, id: number, name: string): Promise<void> {
    await tx.rows(`UPDATE distribution.pools SET name = $3, updated_at = now() WHERE account_id = $1 AND id = $2`, [accountId, id, name]);
  }

  async touch(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.rows(`UPDATE distribution.pools SET updated_at = now() WHERE account_id = $1 AND id = $2`, [accountId, id]);
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.rows(`DELETE FROM distribution.pools WHERE account_id = $1 AND id = $2`, [accountId, id]);
  }

  /** Members in order, with today's count and whether the user is active. */
  async members(tx: Tx, accountId: number, poolIds: number[]): Promise<MemberRow[]> {
    if (poolIds.length === 0) return [];
    return tx.rows<MemberRow>(
      `SELECT m.pool_id, m.user_id, m.position, m.weight, m.paused, m.daily_cap, m.current_weight,
              coalesce(c.assigned, 0) AS assigned_today, coalesce(u.active, true) AS active, u.name
       FROM distribution.pool_members m
       LEFT JOIN distribution.member_daily_counts c ON c.pool_id = m.pool_id AND c.user_id = m.user_id AND c.day = (now() AT TIME ZONE 'utc')::date
       LEFT JOIN distribution.known_users u ON u.account_id = m.account_id AND u.user_id = m.user_id
       WHERE m.account_id = $1 AND m.pool_id = ANY($2)
       ORDER BY m.pool_id, m.position`,
      [accountId, poolIds],
    );
  }

  /**
   * Replace the member list, keeping the round-robin state of members who stay, so an edit does
   * not reset whose turn it is.
   */
  async replaceMembers(tx: Tx, accountId: number, poolId: number, members: MemberInput[]): Promise<void> {
    await tx.rows(`DELETE FROM distribution.pool_members WHERE pool_id = $1 AND NOT (user_id = ANY($2))`, [
      poolId,
      members.map((m) => m.user_id),
    ]);
    await tx.rows(
      `INSERT INTO distribution.pool_members (pool_id, account_id, user_id, position, weight, paused, daily_cap)
       SELECT $1, $2, m.user_id, m.position, m.weight, m.paused, m.daily_cap
       FROM unnest($3::int[], $4::int[], $5::int[], $6::bool[], $7::int[]) AS m(user_id, position, weight, paused, daily_cap)
       ON CONFLICT (pool_id, user_id) DO UPDATE SET position = excluded.position, weight = excluded.weight,
         paused = excluded.paused, daily_cap = excluded.daily_cap`,
      [
        poolId,
        accountId,
        members.map((m) => m.user_id),
        members.map((_, i) => i + 1),
        members.map((m) => m.weight),
        members.map((m) => m.paused),
        members.map((m) => m.daily_cap),
      ],
    );
  }
}
