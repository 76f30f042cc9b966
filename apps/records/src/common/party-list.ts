import type { ListSpec } from '@crm/platform';

/** Filters and sort fields leads and contacts share, for a query aliased `alias`. */
export function partyListSpec(alias: string): Pick<ListSpec, 'filters' | 'sortable'> {
  return {
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
