/** A Sell list request after the gateway has parsed the query string. */
export interface ListQuery {
  page: number;
  perPage: number;
  sortBy?: { field: string; direction: 'asc' | 'desc' };
  ids?: number[];
  /** Per-resource filters, by Sell's parameter name (e.g. `owner_id`, `address[city]`). */
  filters: Record<string, string>;
  /** `custom_fields[Name]=value` filters, by field name. */
  customFields: Record<string, string>;
}

export interface Page<T> {
  items: T[];
  /** True when another page follows this one. */
  hasMore: boolean;
}

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;

/**
 * Free-text search (`q`, our extension on the lead, contact and deal lists and in smart lists):
 * shorter text cannot use the trigram index, so a search for it would scan every record.
 */
export const MIN_SEARCH_LENGTH = 3;
export const MAX_SEARCH_LENGTH = 200;
