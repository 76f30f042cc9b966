import type { UserDto } from '@crm/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, itemsOf, type SellCollection } from '../../../api/client';
import { useCollection } from '../../../api/queries';

/** What the settings screens show of a user. */
export type UserSummary = Pick<UserDto, 'id' | 'name' | 'email' | 'status'>;

/** Active users to choose from (the API allows 100 a page; pickers search within them). */
export function useActiveUsers() {
  return useCollection<UserSummary>('/v2/users', { per_page: 100, status: 'active', sort_by: 'name' });
}

/**
 * Names of the users with these ids (members of a pool, owners of forms), fetched by `ids` in
 * pages of 100 so a large pool still gets every name.
 */
export function useUserNames(ids: number[]): Map<number, string> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const query = useQuery({
    queryKey: ['/v2/users', { ids: unique }],
    enabled: unique.length > 0,
    staleTime: 30_000,
    // While a new member's name loads, the others keep theirs.
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const names = new Map<number, string>();
      for (let start = 0; start < unique.length; start += 100) {
        const slice = unique.slice(start, start + 100);
        const page = await api.get<SellCollection<UserSummary>>('/v2/users', { ids: slice, per_page: 100 });
        for (const user of itemsOf(page)) names.set(user.id, user.name);
      }
      return names;
    },
  });
  return query.data ?? new Map();
}

export function userLabel(names: Map<number, string>, id: number): string {
  return names.get(id) ?? `User ${id}`;
}
