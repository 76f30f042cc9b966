import type { ListSpec } from '../../http/list-query';

/**
 * Query parameters of the calls, call outcomes and text messages lists: Sell's filters (`ids`,
 * `resource_id`, `resource_type`) and ours. Values are checked again by communications.
 */
export const CALL_LIST: ListSpec = {
  resource: 'call',
  selectable: true,
  customFieldFilters: false,
  filters: {
    resource_type: 'text',
    resource_id: 'integer',
    user_id: 'integer',
    outcome_id: 'integer',
    incoming: 'boolean',
    missed: 'boolean',
  },
};

export const CALL_OUTCOME_LIST: ListSpec = { resource: 'call_outcome', selectable: true, customFieldFilters: false, filters: {} };

export const TEXT_MESSAGE_LIST: ListSpec = {
  resource: 'text_message',
  selectable: true,
  customFieldFilters: false,
  filters: { resource_type: 'text', resource_id: 'integer', user_id: 'integer', incoming: 'boolean' },
};
