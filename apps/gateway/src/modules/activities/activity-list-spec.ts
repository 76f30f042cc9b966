import type { ListSpec } from '../../http/list-query';

/**
 * Query parameters of `GET /v2/activities`. `resource_type` and `resource_id` name the record and
 * are required (checked by communications: missing or malformed is a 422 on the attribute);
 * `type` is a comma-joined subset of email, call, text_message, note; `thread_id` a thread of
 * that record. Always newest first.
 */
export const ACTIVITY_LIST: ListSpec = {
  resource: 'activity',
  selectable: false,
  customFieldFilters: false,
  filters: { resource_type: 'text', resource_id: 'text', type: 'text', starred: 'boolean', thread_id: 'integer' },
};
