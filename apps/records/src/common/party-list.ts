import type { ListSpec } from '@crm/platform';

/**
 * The lower-cased text `q` searches in a lead or contact (`company`: its organization column).
 * Must match SEARCH_TEXT in migration 1700000000300-SmartLists, expression for expression, so
 * that the `<table>_search` trigram index serves it.
 */
export function partySearchText(alias: string, company: string): string {
  const columns = ['first_name', 'last_name', company, 'email', 'phone', 'mobile', 'phone_e164', 'mobile_e164'];
  return `lower(${columns.map((column) => `coalesce(${alias}.${column}, '')`).join(" || ' ' || ")})`;
}

/** The text `q` searches in a deal; the `deals_search` index's expression. */
export const dealSearchText = (alias: string): string => `lower(${alias}.name)`;

/** Filters and sort fields leads and contacts share, for a query aliased `alias` (`q` is added per type). */
export function partyListSpec(alias: string): Pick<ListSpec, 'filters' | 'sortable' | 'notNullSorts'> {
  return {
    // Ordered plainly: the (account_id, updated_at, id) indexes serve them.
    notNullSorts: ['created_at', 'updated_at'],
    sortable: {
      id: `${alias}.id`,
      first_name: `${alias}.first_name`,
      last_name: `${alias}.last_name`,
      email: `${alias}.email`,
      created_at: `${alias}.created_at`,
      updated_at: `${alias}.updated_at`,
      owner_id: `${alias}.owner_id`,
    },
    filters: {
      'address[city]': { column: `${alias}.address ->> 'city'`, kind: 'lower' },
      'address[country]': { column: `${alias}.address ->> 'country'`, kind: 'lower' },
      'address[postal_code]': { column: `${alias}.address ->> 'postal_code'`, kind: 'lower' },
      'address[state]': { column: `${alias}.address ->> 'state'`, kind: 'lower' },
      creator_id: { column: `${alias}.creator_id`, kind: 'int' },
      owner_id: { column: `${alias}.owner_id`, kind: 'int' },
      first_name: { column: `${alias}.first_name`, kind: 'lower' },
      last_name: { column: `${alias}.last_name`, kind: 'lower' },
      email: { column: `${alias}.email`, kind: 'lower' },
      phone: { column: `${alias}.phone`, kind: 'text' },
    },
  };
}
