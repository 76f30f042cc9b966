import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { api, itemsOf, type Query, type SellCollection, type SellEnvelope } from './client';

export interface Page<T> {
  rows: T[];
  hasNext: boolean;
  hasPrev: boolean;
}

/**
 * One page of a Sell collection (`page`/`per_page`): the API has no total count, so pagers show
 * previous/next from the links. Keeps the previous page on screen while the next one loads.
 */
export function useCollection<T>(path: string, query: Query = {}, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: [path, query],
    queryFn: async (): Promise<Page<T>> => {
      const collection = await api.get<SellCollection<T>>(path, query);
      return { rows: itemsOf(collection), hasNext: !!collection.meta.links.next_page, hasPrev: !!collection.meta.links.prev_page };
    },
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** One object (`GET /v2/<thing>/<id>` and the like). */
export function useResource<T>(path: string | null, query?: Query) {
  return useQuery({
    queryKey: [path, query ?? {}],
    queryFn: async () => (await api.get<SellEnvelope<T>>(path!, query)).data,
    enabled: path !== null,
  });
}

/**
 * Refreshes every cached query whose path (the key's first element) starts with one of
 * `prefixes`: `/v2/leads` reaches the lead lists, each lead and the leads' custom fields.
 */
export function invalidateByPrefix(client: QueryClient, prefixes: string[]): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => prefixes.some((prefix) => String(q.queryKey[0]).startsWith(prefix)) });
}

/** A change through the API that refreshes every cached query whose key starts with one of `invalidates`. */
export function useApiMutation<Input, Output = unknown>(run: (input: Input) => Promise<Output>, invalidates: QueryKey[] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await invalidateByPrefix(client, invalidates.map((key) => String(key[0])));
    },
  });
}
