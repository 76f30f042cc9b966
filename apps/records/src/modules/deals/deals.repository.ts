import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { dealSearchText } from '../../common/party-list';
import { DealContactEntity } from './entities/deal-contact.entity';
import { DealEntity } from './entities/deal.entity';

/** Sell's list parameters for deals; smart lists page and sort the same way. */
export const DEAL_LIST_SPEC: ListSpec = {
  resource: 'deal',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: {
    id: 'd.id',
    name: 'd.name',
    value: 'd.value',
    created_at: 'd.created_at',
    updated_at: 'd.updated_at',
    estimated_close_date: 'd.estimated_close_date',
    last_stage_change_at: 'd.last_stage_change_at',
    owner_id: 'd.owner_id',
  },
  // Ordered plainly: deals_updated (account_id, updated_at, id) serves updated_at.
  notNullSorts: ['created_at', 'updated_at'],
  filters: {
    contact_id: { column: 'd.contact_id', kind: 'int' },
    creator_id: { column: 'd.creator_id', kind: 'int' },
    hot: { column: 'd.hot', kind: 'bool' },
    organization_id: { column: 'd.organization_id', kind: 'int' },
    owner_id: { column: 'd.owner_id', kind: 'int' },
    source_id: { column: 'd.source_id', kind: 'int' },
    stage_id: { column: 'd.stage_id', kind: 'int' },
    estimated_close_date: { column: 'd.estimated_close_date', kind: 'date' },
    name: { column: 'd.name', kind: 'lower' },
    q: { column: dealSearchText('d'), kind: 'search' },
  },
  customFieldsColumn: 'd.custom_fields',
};

const LINK_LIST: ListSpec = {
  resource: 'associated_contact',
  defaultSort: { field: 'contact_id', direction: 'asc' },
  sortable: { contact_id: 'a.contact_id', created_at: 'a.created_at' },
  filters: {},
  tiebreaker: 'a.contact_id',
};

@Injectable()
export class DealsRepository {
  /** `ownerScope`: only this owner's records (a user who may not see all), or null for all. */
  async list(tx: Tx, accountId: number, query: ListQuery, ownerScope: number | null) {
    const qb = tx.manager.getRepository(DealEntity).createQueryBuilder('d').where('d.account_id = :accountId', { accountId });
    if (ownerScope !== null) qb.andWhere('d.owner_id = :ownerScope', { ownerScope });
    return toPage(await applyListQuery(qb, 'd', query, DEAL_LIST_SPEC).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<DealEntity | null> {
    return tx.manager.getRepository(DealEntity).findOneBy({ account_id: accountId, id });
  }

  findForUpdate(tx: Tx, accountId: number, id: number): Promise<DealEntity | null> {
    return tx.manager
      .getRepository(DealEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.account_id = :accountId AND d.id = :id', { accountId, id })
      .getOne();
  }

  create(fields: Partial<DealEntity>): DealEntity {
    return Object.assign(new DealEntity(), fields);
  }

  save(tx: Tx, deal: DealEntity): Promise<DealEntity> {
    return tx.manager.getRepository(DealEntity).save(deal);
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(DealEntity).delete({ account_id: accountId, id });
  }

  async listContacts(tx: Tx, accountId: number, dealId: number, query: ListQuery) {
    const qb = tx.manager
      .getRepository(DealContactEntity)
      .createQueryBuilder('a')
      .where('a.account_id = :accountId AND a.deal_id = :dealId', { accountId, dealId });
    return toPage(await applyListQuery(qb, 'a', { ...query, ids: undefined }, LINK_LIST).getMany(), query);
  }

  /** Per existing deal of the account among `dealIds`: its primary contact and its linked contacts, in one query. */
  contactIdsOfDeals(tx: Tx, accountId: number, dealIds: number[]): Promise<{ deal_id: number; contact_id: number | null; linked: number[] }[]> {
    return tx.rows(
      `SELECT d.id AS deal_id, d.contact_id,
              COALESCE(array_agg(dc.contact_id ORDER BY dc.created_at, dc.contact_id) FILTER (WHERE dc.contact_id IS NOT NULL), '{}') AS linked
       FROM records.deals d
       LEFT JOIN records.deal_contacts dc ON dc.account_id = d.account_id AND dc.deal_id = d.id
       WHERE d.account_id = $1 AND d.id = ANY($2::int[])
       GROUP BY d.id, d.contact_id`,
      [accountId, dealIds],
    );
  }

  findContactLink(tx: Tx, accountId: number, dealId: number, contactId: number): Promise<DealContactEntity | null> {
    return tx.manager.getRepository(DealContactEntity).findOneBy({ account_id: accountId, deal_id: dealId, contact_id: contactId });
  }

  saveContactLink(tx: Tx, link: Partial<DealContactEntity> & { account_id: number }): Promise<DealContactEntity> {
    const repository = tx.manager.getRepository(DealContactEntity);
    return repository.save(repository.create(link));
  }

  async deleteContactLink(tx: Tx, accountId: number, dealId: number, contactId: number): Promise<void> {
    await tx.manager.getRepository(DealContactEntity).delete({ account_id: accountId, deal_id: dealId, contact_id: contactId });
  }
}
