import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { restrictToViewer } from '../record-owners/viewer-scope';
import type { ViewerScope } from '../records-access/records-access.service';
import { TextMessageEntity, TextMessageResourceType } from './entities/text-message.entity';

const RESOURCE_TYPES: readonly TextMessageResourceType[] = ['lead', 'contact'];

const LIST: ListSpec = {
  resource: 'text_message',
  // Sell lists text messages newest first.
  defaultSort: { field: 'id', direction: 'desc' },
  sortable: { id: 't.id', sent_at: 't.sent_at', created_at: 't.created_at', updated_at: 't.updated_at' },
  filters: {
    resource_type: { column: 't.resource_type', kind: 'enum', values: RESOURCE_TYPES },
    resource_id: { column: 't.resource_id', kind: 'int' },
    user_id: { column: 't.user_id', kind: 'int' },
    incoming: { column: 't.incoming', kind: 'bool' },
  },
};

export type TextMessageFields = Omit<TextMessageEntity, 'id' | 'account_id' | 'created_at' | 'updated_at'>;

@Injectable()
export class TextMessagesRepository {
  async list(tx: Tx, accountId: number, query: ListQuery, viewer: ViewerScope) {
    const qb = this.query(tx, accountId, viewer);
    return toPage(await applyListQuery(qb, 't', query, LIST).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number, viewer: ViewerScope): Promise<TextMessageEntity | null> {
    return this.query(tx, accountId, viewer).andWhere('t.id = :id', { id }).getOne();
  }

  /** Text messages arrive from telephony (a later issue); tests store them through this too. */
  async insert(tx: Tx, accountId: number, fields: TextMessageFields): Promise<TextMessageEntity> {
    const values = { ...fields, account_id: accountId } as QueryDeepPartialEntity<TextMessageEntity>;
    const result = await tx.manager.createQueryBuilder().insert().into(TextMessageEntity).values(values).returning('*').execute();
    return Object.assign(new TextMessageEntity(), (result.raw as TextMessageEntity[])[0]);
  }

  /** Texts of a converted lead move to its contact; a deal made by the conversion joins their deals. */
  async repointFromLead(tx: Tx, accountId: number, leadId: number, contactId: number, dealId: number | null): Promise<number> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(TextMessageEntity)
      .set({
        resource_type: 'contact',
        resource_id: contactId,
        associated_deal_ids: () =>
          `CASE WHEN CAST(:dealId AS integer) IS NULL OR associated_deal_ids @> ARRAY[CAST(:dealId AS integer)]
                THEN associated_deal_ids ELSE array_append(associated_deal_ids, CAST(:dealId AS integer)) END`,
      })
      .where(`account_id = :accountId AND resource_type = 'lead' AND resource_id = :leadId`, { accountId, leadId })
      .setParameter('dealId', dealId)
      .execute();
    return result.affected ?? 0;
  }

  /** Texts of a deleted lead or contact stay, unmatched: a message from that number is still a message. */
  async detachFrom(tx: Tx, accountId: number, type: TextMessageResourceType, id: number): Promise<number> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(TextMessageEntity)
      .set({ resource_type: null, resource_id: null })
      .where('account_id = :accountId AND resource_type = :type AND resource_id = :id', { accountId, type, id })
      .execute();
    return result.affected ?? 0;
  }

  async removeAssociatedDeal(tx: Tx, accountId: number, dealId: number): Promise<number> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(TextMessageEntity)
      .set({ associated_deal_ids: () => 'array_remove(associated_deal_ids, CAST(:dealId AS integer))' })
      .where('account_id = :accountId AND associated_deal_ids @> ARRAY[CAST(:dealId AS integer)]', { accountId, dealId })
      .execute();
    return result.affected ?? 0;
  }

  private query(tx: Tx, accountId: number, viewer: ViewerScope) {
    const qb = tx.manager.getRepository(TextMessageEntity).createQueryBuilder('t').where('t.account_id = :accountId', { accountId });
    return restrictToViewer(qb, 't', viewer);
  }
}
