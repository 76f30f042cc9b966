import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, TransactionRunner } from '@crm/platform';
import { mustSort, startStack, Stack } from '@crm/testing';
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
    for (const field of fields) {
      for (const direction of ['asc', 'desc'] as const) {
        const query: ListQuery = { page: 2, perPage: 25, filters: {}, customFields: {}, sortBy: { field, direction } };
        const sorted = await transactions.run((tx) =>
          mustSort(tx, applyListQuery(tx.manager.getRepository(entity).createQueryBuilder(alias).where(`${alias}.account_id = 1`), alias, query, spec)),
        );
        expect({ field, direction, sorted }).toEqual({ field, direction, sorted: false });
      }
    }
  });
});
