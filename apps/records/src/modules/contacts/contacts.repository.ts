import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { partyListSpec, partySearchText } from '../../common/party-list';
import { ContactEntity } from './entities/contact.entity';

const party = partyListSpec('c');
/** Sell's list parameters for contacts; smart lists page and sort the same way. */
export const CONTACT_LIST_SPEC: ListSpec = {
  resource: 'contact',
  defaultSort: { field: 'last_name', direction: 'asc' },
  notNullSorts: party.notNullSorts,
  sortable: { ...party.sortable, name: 'c.name' },
  filters: {
    ...party.filters,
    contact_id: { column: 'c.contact_id', kind: 'int' },
    is_organization: { column: 'c.is_organization', kind: 'bool' },
    name: { column: 'c.name', kind: 'lower' },
    customer_status: { column: 'c.customer_status', kind: 'text' },
    prospect_status: { column: 'c.prospect_status', kind: 'text' },
    q: { column: partySearchText('c', 'name'), kind: 'search' },
  },
  customFieldsColumn: 'c.custom_fields',
};

@Injectable()
export class ContactsRepository {
  /** `ownerScope`: only this owner's records (a user who may not see all), or null for all. */
  async list(tx: Tx, accountId: number, query: ListQuery, ownerScope: number | null) {
    const qb = tx.manager.getRepository(ContactEntity).createQueryBuilder('c').where('c.account_id = :accountId', { accountId });
    if (ownerScope !== null) qb.andWhere('c.owner_id = :ownerScope', { ownerScope });
    return toPage(await applyListQuery(qb, 'c', query, CONTACT_LIST_SPEC).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<ContactEntity | null> {
    return tx.manager.getRepository(ContactEntity).findOneBy({ account_id: accountId, id });
  }

  findForUpdate(tx: Tx, accountId: number, id: number): Promise<ContactEntity | null> {
    return tx.manager
      .getRepository(ContactEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.account_id = :accountId AND c.id = :id', { accountId, id })
      .getOne();
  }

  create(fields: Partial<ContactEntity>): ContactEntity {
    return Object.assign(new ContactEntity(), fields);
  }

  save(tx: Tx, contact: ContactEntity): Promise<ContactEntity> {
    return tx.manager.getRepository(ContactEntity).save(contact);
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(ContactEntity).delete({ account_id: accountId, id });
  }

  findByEmails(tx: Tx, accountId: number, emails: string[]): Promise<ContactEntity[]> {
    return tx.manager
      .getRepository(ContactEntity)
      .createQueryBuilder('c')
      .where('c.account_id = :accountId AND lower(c.email) = ANY(:emails)', { accountId, emails })
      .orderBy('c.id')
      .getMany();
  }

  findByPhones(tx: Tx, accountId: number, phones: string[]): Promise<ContactEntity[]> {
    return tx.manager
      .getRepository(ContactEntity)
      .createQueryBuilder('c')
      .where('c.account_id = :accountId AND (c.phone_e164 = ANY(:phones) OR c.mobile_e164 = ANY(:phones))', { accountId, phones })
      .orderBy('c.id')
      .getMany();
  }
}
