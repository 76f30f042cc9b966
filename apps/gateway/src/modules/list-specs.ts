import type { FilterKind, ListSpec } from '../http/list-query';
import { pagedOnly } from '../http/list-query';

/**
 * Which query parameters each list accepts (sell-api-v2.md, "Filters" per resource). Filters are
 * passed to records by these exact names; anything not listed is refused with 400 invalid_param.
 */

const ADDRESS_FILTERS: Record<string, FilterKind> = {
  'address[city]': 'text',
  'address[country]': 'text',
  'address[postal_code]': 'text',
  'address[state]': 'text',
};

export const LEAD_LIST: ListSpec = {
  resource: 'lead',
  selectable: true,
  customFieldFilters: true,
  filters: {
    ...ADDRESS_FILTERS,
    creator_id: 'integer',
    owner_id: 'integer',
    source_id: 'integer',
    first_name: 'text',
    last_name: 'text',
    organization_name: 'text',
    status: 'text',
    email: 'text',
    phone: 'text',
    q: 'search',
  },
};

export const CONTACT_LIST: ListSpec = {
  resource: 'contact',
  selectable: true,
  customFieldFilters: true,
  filters: {
    ...ADDRESS_FILTERS,
    contact_id: 'integer',
    creator_id: 'integer',
    owner_id: 'integer',
    is_organization: 'boolean',
    email: 'text',
    phone: 'text',
    first_name: 'text',
    last_name: 'text',
    name: 'text',
    customer_status: 'text',
    prospect_status: 'text',
    q: 'search',
  },
};

export const DEAL_LIST: ListSpec = {
  resource: 'deal',
  selectable: true,
  customFieldFilters: true,
  filters: {
    contact_id: 'integer',
    creator_id: 'integer',
    organization_id: 'integer',
    owner_id: 'integer',
    source_id: 'integer',
    stage_id: 'integer',
    hot: 'boolean',
    estimated_close_date: 'date',
    name: 'text',
    q: 'search',
  },
};

export const USER_LIST: ListSpec = {
  resource: 'user',
  selectable: true,
  customFieldFilters: false,
  filters: { name: 'text', email: 'text', role: 'text', status: 'text', role_id: 'integer', group_id: 'integer' },
};

export const PIPELINE_LIST: ListSpec = {
  resource: 'pipeline',
  selectable: true,
  customFieldFilters: false,
  filters: { name: 'text' },
};

export const STAGE_LIST: ListSpec = {
  resource: 'stage',
  selectable: true,
  customFieldFilters: false,
  filters: { pipeline_id: 'integer', name: 'text', active: 'boolean' },
};

export function namedItemList(resource: string, filters: Record<string, FilterKind>): ListSpec {
  return { resource, selectable: true, customFieldFilters: false, filters };
}

export const ASSOCIATED_CONTACT_LIST = pagedOnly('associated_contact');
export const CUSTOM_FIELD_LIST = pagedOnly('custom_field');
export const API_TOKEN_LIST = pagedOnly('api_token');
