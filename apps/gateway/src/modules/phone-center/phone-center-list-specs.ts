import type { ListSpec } from '../../http/list-query';

/**
 * Query parameters of the Communication Center's call and text lists (newest first, Sell paging).
 * `lead_status` and `owner_id` filter matched items by their lead or contact; communications
 * refuses them with `matched=false`. `phone_number` (texts) narrows to one conversation.
 */
export const PHONE_CENTER_CALL_LIST: ListSpec = {
  resource: 'call',
  selectable: false,
  customFieldFilters: false,
  filters: { matched: 'boolean', missed: 'boolean', lead_status: 'text', owner_id: 'integer' },
};

export const PHONE_CENTER_TEXT_MESSAGE_LIST: ListSpec = {
  resource: 'text_message',
  selectable: false,
  customFieldFilters: false,
  filters: { matched: 'boolean', unread: 'boolean', incoming: 'boolean', lead_status: 'text', owner_id: 'integer', phone_number: 'text' },
};
