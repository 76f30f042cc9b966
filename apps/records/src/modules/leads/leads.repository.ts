import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { partyListSpec, partySearchText } from '../../common/party-list';
import { LeadEntity } from './entities/lead.entity';

const party = partyListSpec('l');
/** Sell's list parameters for leads; smart lists page and sort the same way. */
export const LEAD_LIST_SPEC: ListSpec = {
  resource: 'lead',
  defaultSort: { field: 'updated_at', direction: 'asc' },
  notNullSorts: party.notNullSorts,
  sortable: { ...party.sortable, organization_name: 'l.organization_name', status: 'l.status' },
  filters: {
    ...party.filters,
    organization_name: { column: 'l.organization_name', kind: 'lower' },
    source_id: { column: 'l.source_id', kind: 'int' },
    status: { column: 'l.status', kind: 'text' },
    q: { column: partySearchText('l', 'organization_name'), kind: 'search' },
  },
  customFieldsColumn: 'l.custom_fields',
};

@Injectable()
export class LeadsRepository {
  /** `ownerScope`: only this owner's records (a user who may not see all), or null for all. */
  async list(tx: Tx, accountId: number, query: ListQuery, ownerScope: number | null) {
    const qb = tx.manager.getRepository(LeadEntity).createQueryBuilder('l').where('l.account_id = :accountId', { accountId });
    if (ownerScope !== null) qb.andWhere('l.owner_id = :ownerScope', { ownerScope });
    return toPage(await applyListQuery(qb, 'l', query, LEAD_LIST_SPEC).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<LeadEntity | null> {
    return tx.manager.getRepository(LeadEntity).findOneBy({ account_id: accountId, id });
  }

  /** For update: the row stays locked until the transaction ends. */
  findForUpdate(tx: Tx, accountId: number, id: number): Promise<LeadEntity | null> {
    return tx.manager
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      .setLock('pessimistic_write')
      .where('l.account_id = :accountId AND l.id = :id', { accountId, id })
      .getOne();
  }

  save(tx: Tx, lead: LeadEntity): Promise<LeadEntity> {
    return lead.id === undefined ? this.insert(tx, lead) : tx.manager.getRepository(LeadEntity).save(lead);
  }

  /** One INSERT … RETURNING: `save` would also reload the row and diff it, doubling the work. */
  private async insert(tx: Tx, lead: LeadEntity): Promise<LeadEntity> {
    const result = await tx.manager.createQueryBuilder().insert().into(LeadEntity).values(lead as QueryDeepPartialEntity<LeadEntity>).returning('*').execute();
    return Object.assign(new LeadEntity(), (result.raw as LeadEntity[])[0]);
  }

  create(fields: Partial<LeadEntity>): LeadEntity {
    return Object.assign(new LeadEntity(), fields);
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(LeadEntity).delete({ account_id: accountId, id });
  }

  findByEmails(tx: Tx, accountId: number, emails: string[]): Promise<LeadEntity[]> {
    return tx.manager
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      .where('l.account_id = :accountId AND lower(l.email) = ANY(:emails)', { accountId, emails })
      .orderBy('l.id')
      .getMany();
  }

  findByPhones(tx: Tx, accountId: number, phones: string[]): Promise<LeadEntity[]> {
    return tx.manager
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      .where('l.account_id = :accountId AND (l.phone_e164 = ANY(:phones) OR l.mobile_e164 = ANY(:phones))', { accountId, phones })
      .orderBy('l.id')
      .getMany();
  }
}
