import { useSearchParams } from 'react-router';

/**
 * A list's page, search and unread filter live in the address (`?q=&page=&unread=`), so reload,
 * back and a shared link show the same list. A new search or filter starts again at page 1.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      // Typing a search should not fill the history with every keystroke; pages should.
      { replace: 'q' in changes },
    );
  return {
    q: params.get('q') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
    unreadOnly: params.get('unread') === 'true',
    search: params.toString(),
    setQuery: (q: string) => update({ q: q.trim() || null }),
    setPage: (page: number) => update({ page: page > 1 ? String(page) : null }),
    setUnreadOnly: (on: boolean) => update({ unread: on ? 'true' : null }),
  };
}
