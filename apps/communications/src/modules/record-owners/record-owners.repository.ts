import { Injectable } from '@nestjs/common';
import type { AttachableType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { RecordOwnerEntity } from './entities/record-owner.entity';

/** Ownership known only from a FindResource answer: any event about the record overrides it. */
const UNVERSIONED = new Date(0);

@Injectable()
export class RecordOwnersRepository {
  /** From a records event: applied unless a newer version of the record was seen already. */
  async upsertFromEvent(
    tx: Tx,
    accountId: number,
    type: AttachableType,
    id: number,
    ownerId: number,
    updatedAt: Date,
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO ${this.table(tx)} AS o (account_id, resource_type, resource_id, owner_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, resource_type, resource_id) DO UPDATE
         SET owner_id = EXCLUDED.owner_id, source_updated_at = EXCLUDED.source_updated_at
         WHERE o.source_updated_at <= EXCLUDED.source_updated_at`,
      [accountId, type, id, ownerId, updatedAt],
    );
  }

  /** From records' answer when something is attached: fills a gap, never overrides an event. */
  async rememberIfMissing(tx: Tx, accountId: number, type: AttachableType, id: number, ownerId: number): Promise<void> {
    await tx.manager.query(
      `INSERT INTO ${this.table(tx)} (account_id, resource_type, resource_id, owner_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [accountId, type, id, ownerId, UNVERSIONED],
    );
  }

  async forget(tx: Tx, accountId: number, type: AttachableType, id: number): Promise<void> {
    await tx.manager.getRepository(RecordOwnerEntity).delete({ account_id: accountId, resource_type: type, resource_id: id });
  }

  private table(tx: Tx): string {
    return tx.manager.getRepository(RecordOwnerEntity).metadata.tablePath
      .split('.')
      .map((part) => `"${part}"`)
      .join('.');
  }
}
