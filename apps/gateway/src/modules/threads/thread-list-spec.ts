import type { ListSpec } from '../../http/list-query';

/** `GET /v2/threads`: the threads of one record, oldest first; `resource_type` and `resource_id` are required (checked by communications). */
export const THREAD_LIST: ListSpec = {
  resource: 'thread',
  selectable: false,
  customFieldFilters: false,
  filters: { resource_type: 'text', resource_id: 'text' },
};
