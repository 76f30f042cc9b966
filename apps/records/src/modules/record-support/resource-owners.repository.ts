import { Injectable } from '@nestjs/common';
import type { AttachableType } from '@crm/contracts';
import type { Tx } from '@crm/platform';

const TABLES: Record<AttachableType, string> = { lead: 'records.leads', contact: 'records.contacts', deal: 'records.deals' };

type Attachment = 'records.notes' | 'records.tasks';
type ResourceRef = { type: AttachableType; id: number };

/** Owners of leads, contacts and deals, and what is attached to them (notes, tasks). */
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

  /** Remove every attachment of one kind from a record; returns their ids. */
  async deleteAttached(tx: Tx, table: Attachment, accountId: number, resource: ResourceRef): Promise<number[]> {
    const rows = await tx.rows<{ id: number }>(
      `DELETE FROM ${table} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3 RETURNING id`,
      [accountId, resource.type, resource.id],
    );
    return rows.map((row) => row.id);
  }

  /** Move every attachment of one kind from one record onto another (a converted lead's onto its contact). */
  async repointAttached(tx: Tx, table: Attachment, accountId: number, from: ResourceRef, to: ResourceRef): Promise<number[]> {
    const rows = await tx.rows<{ id: number }>(
      `UPDATE ${table} SET resource_type = $4, resource_id = $5, updated_at = now()
       WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3 RETURNING id`,
      [accountId, from.type, from.id, to.type, to.id],
    );
    return rows.map((row) => row.id);
  }
}
