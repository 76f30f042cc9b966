import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, itemsOf, type SellCollection } from '../../api/client';
import { useUserNames } from './use-users';

/** Names of the pools with these ids (at most a page of 100 — the forms on one page name fewer). */
function usePoolNames(ids: number[]): Map<number, string> {
  const unique = [...new Set(ids)].sort((a, b) => a - b).slice(0, 100);
  const query = useQuery({
    queryKey: ['/v2/distribution_pools', { ids: unique }],
    enabled: unique.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const page = await api.get<SellCollection<{ id: number; name: string }>>('/v2/distribution_pools', { ids: unique, per_page: 100 });
      return new Map(itemsOf(page).map((pool) => [pool.id, pool.name]));
    },
  });
  return query.data ?? new Map();
}

/** "Who gets the records" for rows that have an owner user or an owner pool (forms, imports). */
export function useOwnerLabels(rows: { owner_id: number | null; owner_pool_id: number | null }[]) {
  const users = useUserNames(rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])));
  const pools = usePoolNames(rows.flatMap((r) => (r.owner_pool_id ? [r.owner_pool_id] : [])));
  return (row: { owner_id: number | null; owner_pool_id: number | null }, none = '—'): string => {
    if (row.owner_id) return users.get(row.owner_id) ?? `User ${row.owner_id}`;
    if (row.owner_pool_id) return `${pools.get(row.owner_pool_id) ?? `Pool ${row.owner_pool_id}`} (pool)`;
    return none;
  };
}
