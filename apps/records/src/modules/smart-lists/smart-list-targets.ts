import type { RecordResourceType, SmartListFilters } from '@crm/contracts';
import { ListSpec } from '@crm/platform';
import { dealSearchText, partySearchText } from '../../common/party-list';
import { CONTACT_LIST_SPEC } from '../contacts/contacts.repository';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { DEAL_LIST_SPEC } from '../deals/deals.repository';
import { DealEntity } from '../deals/entities/deal.entity';
import { LeadEntity } from '../leads/entities/lead.entity';
import { LEAD_LIST_SPEC } from '../leads/leads.repository';

export type FilterKey = keyof SmartListFilters;

/** What a smart list of one record type filters, searches and sorts. */
export interface SmartListTarget {
  resourceType: RecordResourceType;
  entity: typeof LeadEntity | typeof ContactEntity | typeof DealEntity;
  /** Schema-qualified table, for the bulk paths in plain SQL. */
  table: string;
  alias: string;
  /** The filter keys that apply to this record type; any other is refused. */
  filters: ReadonlySet<FilterKey>;
  /** Lower-cased text `q` searches; the expression of the `<table>_search` trigram index. */
  searchText: string;
  /** Paging and sorting of the evaluated list: the resource list's own, without its filters. */
  list: ListSpec;
}

const COMMON: FilterKey[] = ['owner_id', 'tags', 'custom_fields', 'created_at', 'updated_at', 'q'];

/** The resource list's own paging and sorting, without its query-string filters. */
const pagingOf = (spec: ListSpec): ListSpec => ({
  resource: spec.resource,
  defaultSort: spec.defaultSort,
  sortable: spec.sortable,
  notNullSorts: spec.notNullSorts,
  filters: {},
});

export const SMART_LIST_TARGETS: Record<RecordResourceType, SmartListTarget> = {
  lead: {
    resourceType: 'lead',
    entity: LeadEntity,
    table: 'records.leads',
    alias: 'l',
    filters: new Set<FilterKey>([...COMMON, 'status', 'source_id']),
    searchText: partySearchText('l', 'organization_name'),
    list: pagingOf(LEAD_LIST_SPEC),
  },
  contact: {
    resourceType: 'contact',
    entity: ContactEntity,
    table: 'records.contacts',
    alias: 'c',
    filters: new Set<FilterKey>([...COMMON, 'customer_status', 'prospect_status', 'is_organization']),
    searchText: partySearchText('c', 'name'),
    list: pagingOf(CONTACT_LIST_SPEC),
  },
  deal: {
    resourceType: 'deal',
    entity: DealEntity,
    table: 'records.deals',
    alias: 'd',
    filters: new Set<FilterKey>([...COMMON, 'stage_id', 'source_id', 'hot']),
    searchText: dealSearchText('d'),
    list: pagingOf(DEAL_LIST_SPEC),
  },
};
