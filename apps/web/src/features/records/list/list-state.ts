import type { RecordResourceType, SmartListFilters } from '@crm/contracts';
import type { Query } from '../../../api/client';
import type { RecordKind } from '../record-kinds';
import type { CustomerStatus, ProspectStatus } from '../types';

/**
 * A list screen's state, kept in the URL so a filtered page can be reloaded, shared and reached
 * with Back. `smartList` set: the rows come from that saved smart list; otherwise from the
 * resource's own list with the filters it accepts (status, owner, stage, customer/prospect status).
 * Tags and text search are smart-list filters only: `GET /v2/leads` has neither.
 */
export interface ListState {
  smartList: number | null;
  status: string[];
  owner: number[];
  stage: number[];
  customerStatus: CustomerStatus[];
  prospectStatus: ProspectStatus[];
  /** `field:asc|desc`, Sell's `sort_by`. */
  sort: string;
  page: number;
}

/** Which quick filters each record type's own list accepts. */
export const QUICK_FILTERS: Record<RecordResourceType, (keyof ListState)[]> = {
  lead: ['status', 'owner'],
  contact: ['owner', 'customerStatus', 'prospectStatus'],
  deal: ['owner', 'stage'],
};

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const ids = (value: string | null) => list(value).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);

export function readListState(params: URLSearchParams, kind: RecordKind): ListState {
  const page = Number(params.get('page'));
  const smartList = Number(params.get('list'));
  return {
    smartList: Number.isSafeInteger(smartList) && smartList > 0 ? smartList : null,
    status: list(params.get('status')),
    owner: ids(params.get('owner')),
    stage: ids(params.get('stage')),
    customerStatus: list(params.get('customer_status')) as CustomerStatus[],
    prospectStatus: list(params.get('prospect_status')) as ProspectStatus[],
    sort: params.get('sort') || kind.defaultSort,
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

export function writeListState(state: ListState, kind: RecordKind): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: (string | number)[] | string | number | null) => {
    const text = Array.isArray(value) ? value.join(',') : value === null ? '' : String(value);
    if (text) params.set(key, text);
  };
  put('list', state.smartList);
  put('status', state.status);
  put('owner', state.owner);
  put('stage', state.stage);
  put('customer_status', state.customerStatus);
  put('prospect_status', state.prospectStatus);
  if (state.sort !== kind.defaultSort) put('sort', state.sort);
  if (state.page > 1) put('page', state.page);
  return params;
}

export function hasQuickFilters(state: ListState): boolean {
  return [state.status, state.owner, state.stage, state.customerStatus, state.prospectStatus].some((values) => values.length > 0);
}

/** An empty "any of" is no filter at all (the API refuses `status=`). */
const anyOf = <T extends string | number>(values: T[]) => (values.length ? values : undefined);

/** The resource list's query: Sell's filters joined with commas (any of them matches). */
export function plainListQuery(state: ListState, perPage: number): Query {
  return {
    page: state.page,
    per_page: perPage,
    sort_by: state.sort,
    status: anyOf(state.status),
    owner_id: anyOf(state.owner),
    stage_id: anyOf(state.stage),
    customer_status: anyOf(state.customerStatus),
    prospect_status: anyOf(state.prospectStatus),
  };
}

/** The quick filters as a smart list's saved filter, plus the tags and text search only smart lists have. */
export function smartListFiltersOf(state: ListState, type: RecordResourceType, extra: { tags: string[]; q: string }): SmartListFilters {
  const filters: SmartListFilters = {};
  const applies = QUICK_FILTERS[type];
  if (applies.includes('owner') && state.owner.length) filters.owner_id = state.owner;
  if (applies.includes('status') && state.status.length) filters.status = state.status;
  if (applies.includes('stage') && state.stage.length) filters.stage_id = state.stage;
  if (applies.includes('customerStatus') && state.customerStatus.length) filters.customer_status = state.customerStatus;
  if (applies.includes('prospectStatus') && state.prospectStatus.length) filters.prospect_status = state.prospectStatus;
  if (extra.tags.length) filters.tags = extra.tags;
  if (extra.q.trim()) filters.q = extra.q.trim();
  return filters;
}
