import type { ListSpec } from '../../http/list-query';

/**
 * Query parameters of `GET /v2/emails`. `resource_type` and `resource_id` go together and are
 * checked by communications (a missing partner or a bad value is a 422 on the attribute), so
 * they pass here as text; `direction` is `sent` or `received`. `sort_by`: date (default, newest
 * first), id, created_at, updated_at.
 */
export const EMAIL_LIST: ListSpec = {
  resource: 'email',
  selectable: true,
  customFieldFilters: false,
  filters: { resource_type: 'text', resource_id: 'text', direction: 'text' },
};
