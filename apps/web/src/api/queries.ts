import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
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

/** A change through the API that refreshes every cached query whose key starts with one of `invalidates`. */
export function useApiMutation<Input, Output = unknown>(run: (input: Input) => Promise<Output>, invalidates: QueryKey[] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all(
        invalidates.map((key) =>
          client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(String(key[0])) }),
        ),
      );
    },
  });
}
