import { Injectable } from '@nestjs/common';
import type { AttachableType } from '@crm/contracts';
import type { Tx } from '@crm/platform';

const TABLES: Record<AttachableType, string> = { lead: 'records.leads', contact: 'records.contacts', deal: 'records.deals' };

/** Owners of leads, contacts and deals, for things attached to them (notes, tasks). */
@Injectable()
export class ResourceOwnersRepository {
  async ownerOf(tx: Tx, accountId: number, type: AttachableType, id: number): Promise<number | null> {
    const rows: { owner_id: number }[] = await tx.manager.query(
      `SELECT owner_id FROM ${TABLES[type]} WHERE account_id = $1 AND id = $2`,
      [accountId, id],
    );
    return rows[0]?.owner_id ?? null;
  }

  /**
   * SQL condition: the attachment (columns `<alias>.resource_type`, `<alias>.resource_id`) hangs
   * on a record owned by the parameter `:ownerScope`.
   */
  ownedResourceCondition(alias: string): string {
    return `(${Object.entries(TABLES)
      .map(
        ([type, table]) =>
          `(${alias}.resource_type = '${type}' AND EXISTS (SELECT 1 FROM ${table} r WHERE r.account_id = ${alias}.account_id AND r.id = ${alias}.resource_id AND r.owner_id = :ownerScope))`,
      )
      .join(' OR ')})`;
  }
}
