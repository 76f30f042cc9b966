import { useState } from 'react';
import type { Query } from '../api/client';
import { useCollection, type Page } from '../api/queries';

/** What a Pager needs from a collection query showing page `page`. */
export function pagerOf(collection: { data?: Page<unknown>; isFetching: boolean }, page: number, onPage: (page: number) => void) {
  return { page, hasPrev: !!collection.data?.hasPrev, hasNext: !!collection.data?.hasNext, busy: collection.isFetching, onPage };
}

/**
 * A collection read a page at a time, the page kept by the component (not in the URL): the
 * query, its rows, and `pager` to spread into a Pager. `setPage(1)` starts over (a new filter).
 */
export function usePagedCollection<T>(path: string, query: Query, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  const [page, setPage] = useState(1);
  const collection = useCollection<T>(path, { page, ...query }, options);
  return { collection, rows: collection.data?.rows ?? [], page, setPage, pager: pagerOf(collection, page, setPage) };
}
