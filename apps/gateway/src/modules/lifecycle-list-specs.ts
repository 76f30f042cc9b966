import type { ListSpec } from '../http/list-query';

/** Query parameters of the records-lifecycle lists (roles, groups, conversions, notes, tasks). */
const list = (resource: string, filters: ListSpec['filters']): ListSpec => ({ resource, selectable: true, customFieldFilters: false, filters });

export const ROLE_LIST = list('role', { name: 'text' });
export const GROUP_LIST = list('group', { name: 'text' });
export const LEAD_CONVERSION_LIST = list('lead_conversion', { lead_id: 'integer', creator_id: 'integer', individual_id: 'integer', deal_id: 'integer' });
export const NOTE_LIST = list('note', { creator_id: 'integer', resource_type: 'text', resource_id: 'integer', is_important: 'boolean' });
export const TASK_LIST = list('task', {
  creator_id: 'integer',
  owner_id: 'integer',
  resource_type: 'text',
  resource_id: 'integer',
  completed: 'boolean',
  overdue: 'boolean',
});
