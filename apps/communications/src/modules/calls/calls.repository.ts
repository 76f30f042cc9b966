import { Injectable } from '@nestjs/common';
import { ATTACHABLE_TYPES, AttachableType, ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { restrictToViewer } from '../record-owners/viewer-scope';
import type { ViewerScope } from '../records-access/records-access.service';
import { CallEntity } from './entities/call.entity';

const LIST: ListSpec = {
  resource: 'call',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'c.id', made_at: 'c.made_at', duration: 'c.duration', created_at: 'c.created_at', updated_at: 'c.updated_at' },
  filters: {
    resource_type: { column: 'c.resource_type', kind: 'enum', values: ATTACHABLE_TYPES },
    resource_id: { column: 'c.resource_id', kind: 'int' },
    user_id: { column: 'c.user_id', kind: 'int' },
    outcome_id: { column: 'c.outcome_id', kind: 'int' },
    incoming: { column: 'c.incoming', kind: 'bool' },
    missed: { column: 'c.missed', kind: 'bool' },
  },
};

export type CallFields = Omit<CallEntity, 'id' | 'account_id' | 'created_at' | 'updated_at'>;

@Injectable()
export class CallsRepository {
  async list(tx: Tx, accountId: number, query: ListQuery, viewer: ViewerScope) {
    const qb = this.query(tx, accountId, viewer);
    return toPage(await applyListQuery(qb, 'c', query, LIST).getMany(), query);
  }

  /** `lock`: keep the row locked until the transaction ends (updates). */
  find(tx: Tx, accountId: number, id: number, viewer: ViewerScope, lock = false): Promise<CallEntity | null> {
    const qb = this.query(tx, accountId, viewer).andWhere('c.id = :id', { id });
    // The viewer subquery reads record_owners: lock only the call row.
    if (lock) qb.setLock('pessimistic_write', undefined, ['c']);
    return qb.getOne();
  }

  async insert(tx: Tx, accountId: number, fields: CallFields): Promise<CallEntity> {
    const values = { ...fields, account_id: accountId } as QueryDeepPartialEntity<CallEntity>;
    const result = await tx.manager.createQueryBuilder().insert().into(CallEntity).values(values).returning('*').execute();
    return this.entityOf(result.raw as CallEntity[]);
  }

  async update(tx: Tx, accountId: number, id: number, fields: Partial<CallFields>): Promise<CallEntity> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(CallEntity)
      .set(fields as QueryDeepPartialEntity<CallEntity>)
      .where('account_id = :accountId AND id = :id', { accountId, id })
      .returning('*')
      .execute();
    return this.entityOf(result.raw as CallEntity[]);
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(CallEntity).delete({ account_id: accountId, id });
  }

  /** Calls on a converted lead move to its contact; a deal made by the conversion joins their deals. */
  async repointFromLead(tx: Tx, accountId: number, leadId: number, contactId: number, dealId: number | null): Promise<CallEntity[]> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(CallEntity)
      .set({
        resource_type: 'contact',
        resource_id: contactId,
        associated_deal_ids: () =>
          `CASE WHEN CAST(:dealId AS integer) IS NULL OR associated_deal_ids @> ARRAY[CAST(:dealId AS integer)]
                THEN associated_deal_ids ELSE array_append(associated_deal_ids, CAST(:dealId AS integer)) END`,
      })
      .where(`account_id = :accountId AND resource_type = 'lead' AND resource_id = :leadId`, { accountId, leadId })
      .setParameter('dealId', dealId)
      .returning('*')
      .execute();
    return (result.raw as CallEntity[]).map((row) => Object.assign(new CallEntity(), row));
  }

  /** Calls attached to a deleted record go with it; the ids of those deleted. */
  async deleteAttachedTo(tx: Tx, accountId: number, type: AttachableType, id: number): Promise<number[]> {
    const result = await tx.manager
      .createQueryBuilder()
      .delete()
      .from(CallEntity)
      .where('account_id = :accountId AND resource_type = :type AND resource_id = :id', { accountId, type, id })
      .returning('id')
      .execute();
    return (result.raw as { id: number }[]).map((row) => row.id);
  }

  /** A deleted deal leaves the calls it was associated with. */
  async removeAssociatedDeal(tx: Tx, accountId: number, dealId: number): Promise<CallEntity[]> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(CallEntity)
      .set({ associated_deal_ids: () => 'array_remove(associated_deal_ids, CAST(:dealId AS integer))' })
      .where('account_id = :accountId AND associated_deal_ids @> ARRAY[CAST(:dealId AS integer)]', { accountId, dealId })
      .returning('*')
      .execute();
    return (result.raw as CallEntity[]).map((row) => Object.assign(new CallEntity(), row));
  }

  private query(tx: Tx, accountId: number, viewer: ViewerScope) {
    const qb = tx.manager.getRepository(CallEntity).createQueryBuilder('c').where('c.account_id = :accountId', { accountId });
    return restrictToViewer(qb, 'c', viewer);
  }

  private entityOf(rows: CallEntity[]): CallEntity {
    return Object.assign(new CallEntity(), rows[0]);
  }
}
