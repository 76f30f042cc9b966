import type { UserDto } from '@crm/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, itemsOf, type SellCollection } from '../../api/client';
import { useCollection } from '../../api/queries';

/** What the settings screens show of a user. */
export type UserSummary = Pick<UserDto, 'id' | 'name' | 'email' | 'status'>;

/** Active users to choose from (the API allows 100 a page; pickers search within them). */
export function useActiveUsers() {
  return useCollection<UserSummary>('/v2/users', { per_page: 100, status: 'active', sort_by: 'name' });
}

/**
 * The users with these ids (members of a pool, owners of forms, holders of numbers and
 * mailboxes), fetched by `ids` in pages of 100 so a long list still gets every one.
 */
export function useUsersById(ids: number[]) {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  return useQuery({
    queryKey: ['/v2/users', { ids: unique }],
    enabled: unique.length > 0,
    staleTime: 30_000,
    // While a new member's name loads, the others keep theirs.
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const users = new Map<number, UserSummary>();
      for (let start = 0; start < unique.length; start += 100) {
        const slice = unique.slice(start, start + 100);
        const page = await api.get<SellCollection<UserSummary>>('/v2/users', { ids: slice, per_page: 100 });
        for (const user of itemsOf(page)) users.set(user.id, user);
      }
      return users;
    },
  });
}

/** Names of the users with these ids. */
export function useUserNames(ids: number[]): Map<number, string> {
  const users = useUsersById(ids).data?.values() ?? [];
  return new Map([...users].map((user) => [user.id, user.name]));
}

export function userLabel(names: Map<number, string>, id: number): string {
  return names.get(id) ?? `User ${id}`;
}
