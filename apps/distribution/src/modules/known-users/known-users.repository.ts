import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';

/** This service's copy of who the account's users are and whether they are active. */
@Injectable()
export class KnownUsersRepository {
  async upsert(tx: Tx, accountId: number, users: { id: number; name: string; active: boolean }[]): Promise<void> {
    if (users.length === 0) return;
    await tx.rows(
      `INSERT INTO distribution.known_users (account_id, user_id, name, active)
       SELECT $1, u.id, u.name, u.active FROM unnest($2::int[], $3::text[], $4::bool[]) AS u(id, name, active)
       ON CONFLICT (account_id, user_id) DO UPDATE SET name = excluded.name, active = excluded.active`,
      [accountId, users.map((u) => u.id), users.map((u) => u.name), users.map((u) => u.active)],
    );
  }
}
