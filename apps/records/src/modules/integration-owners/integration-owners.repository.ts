import { Injectable } from '@nestjs/common';
import type { Integration, RecordResourceType } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface IntegrationOwnerRow {
  integration: Integration;
  resource_type: RecordResourceType;
  owner_id: number | null;
  owner_pool_id: number | null;
  updated_at: Date;
}

@Injectable()
export class IntegrationOwnersRepository {
  list(tx: Tx, accountId: number): Promise<IntegrationOwnerRow[]> {
    return tx.rows<IntegrationOwnerRow>(
      `SELECT integration, resource_type, owner_id, owner_pool_id, updated_at FROM records.integration_owners
       WHERE account_id = $1 ORDER BY integration, resource_type`,
      [accountId],
    );
  }

  async find(tx: Tx, accountId: number, integration: Integration, resourceType: RecordResourceType): Promise<IntegrationOwnerRow | null> {
    const rows = await tx.rows<IntegrationOwnerRow>(
      `SELECT integration, resource_type, owner_id, owner_pool_id, updated_at FROM records.integration_owners
       WHERE account_id = $1 AND integration = $2 AND resource_type = $3`,
      [accountId, integration, resourceType],
    );
    return rows[0] ?? null;
  }

  /** Both null removes the default: records then belong to whoever creates them. */
  async set(
    tx: Tx,
    accountId: number,
    integration: Integration,
    resourceType: RecordResourceType,
    owner: { owner_id: number | null; owner_pool_id: number | null },
  ): Promise<IntegrationOwnerRow | null> {
    if (owner.owner_id === null && owner.owner_pool_id === null) {
      await tx.rows(`DELETE FROM records.integration_owners WHERE account_id = $1 AND integration = $2 AND resource_type = $3`, [
        accountId,
        integration,
        resourceType,
      ]);
      return null;
    }
    const [row] = await tx.rows<IntegrationOwnerRow>(
      `INSERT INTO records.integration_owners (account_id, integration, resource_type, owner_id, owner_pool_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, integration, resource_type)
       DO UPDATE SET owner_id = excluded.owner_id, owner_pool_id = excluded.owner_pool_id, updated_at = now()
       RETURNING integration, resource_type, owner_id, owner_pool_id, updated_at`,
      [accountId, integration, resourceType, owner.owner_id, owner.owner_pool_id],
    );
    return row;
  }
}
