import { ListSpec, TransactionRunner, Tx } from '@crm/platform';
import { ordersNeedingSort, startStack, Stack } from '@crm/testing';
import type { ObjectLiteral } from 'typeorm';
import { recordsService } from '../src/app';
import { CONTACT_LIST_SPEC } from '../src/modules/contacts/contacts.repository';
import { ContactEntity } from '../src/modules/contacts/entities/contact.entity';
import { DEAL_LIST_SPEC } from '../src/modules/deals/deals.repository';
import { DealEntity } from '../src/modules/deals/entities/deal.entity';
import { LeadEntity } from '../src/modules/leads/entities/lead.entity';
import { LEAD_LIST_SPEC } from '../src/modules/leads/leads.repository';

type Entity = typeof LeadEntity | typeof ContactEntity | typeof DealEntity;

/** The orders an index serves: each list's default (Sell's), by id, by update time; both directions. */
const LISTS: [string, Entity, string, ListSpec, string[]][] = [
  ['leads', LeadEntity, 'l', LEAD_LIST_SPEC, ['updated_at', 'id']],
  ['contacts', ContactEntity, 'c', CONTACT_LIST_SPEC, ['last_name', 'updated_at', 'id']],
  ['deals', DealEntity, 'd', DEAL_LIST_SPEC, ['id', 'updated_at']],
];

describe('list orders', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService] });
  });
  afterAll(() => stack?.stop());

  it.each(LISTS)('pages %s in their sortable orders from an index, without sorting the account\'s rows', async (_name, entity, alias, spec, fields) => {
    const transactions = stack.services.find((service) => service.name === 'records')!.app.get(TransactionRunner);
    const rows = (tx: Tx) => tx.manager.getRepository<ObjectLiteral>(entity).createQueryBuilder(alias);
    expect(await ordersNeedingSort(transactions, rows, alias, spec, fields)).toEqual([]);
  });
});
