import { useEffect, useState } from 'react';

/**
 * Checked rows of the page on screen. Cleared whenever the page's identity (tab, page, search)
 * changes, so a bulk action never reaches rows the user cannot see.
 */
export function usePageSelection<K extends string | number>(visible: K[], pageKey: string) {
  const [selected, setSelected] = useState<Set<K>>(new Set());
  useEffect(() => setSelected(new Set()), [pageKey]);

  // Rows that left the page (archived, added, ignored) leave the selection too.
  const checked = visible.filter((key) => selected.has(key));
  const all = visible.length > 0 && checked.length === visible.length;
  return {
    checked,
    isChecked: (key: K) => selected.has(key),
    toggle: (key: K, on: boolean) =>
      setSelected((previous) => {
        const next = new Set(previous);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    all,
    some: checked.length > 0 && !all,
    toggleAll: () => setSelected(all ? new Set() : new Set(visible)),
    clear: () => setSelected(new Set()),
  };
}
