import type { ContactDto } from '@crm/contracts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCollection } from '../../../api/queries';
import { MIN_SEARCH_LENGTH } from '../../../components/RecordPicker';
import { CONTACT_KIND } from '../record-kinds';

/**
 * A deal's contact: the contacts whose name, email or phone holds what was typed (the list's
 * free-text search), the first 100 by name before that, plus the chosen one wherever it is.
 */
export function ContactPicker(props: { label: string; value: string | null; onChange: (value: string | null) => void; error?: string; required?: boolean }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const chosen = useCollection<ContactDto>('/v2/contacts', { ids: props.value ?? '' }, { enabled: !!props.value });
  const chosenLabel = chosen.data?.rows[0] ? CONTACT_KIND.displayName(chosen.data.rows[0]) : undefined;
  // Once chosen, the input shows the choice's name: that is not a new search.
  const searching = debounced.length >= MIN_SEARCH_LENGTH && debounced !== chosenLabel;
  const found = useCollection<ContactDto>('/v2/contacts', searching ? { per_page: 100, q: debounced } : { per_page: 100, sort_by: 'last_name' });
  const byId = new Map<number, ContactDto>();
  for (const c of [...(chosen.data?.rows ?? []), ...(found.data?.rows ?? [])]) byId.set(c.id, c);
  const data = [...byId.values()].map((c) => ({ value: String(c.id), label: CONTACT_KIND.displayName(c) }));
  return (
    <Select
      label={props.label}
      required={props.required}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The API matched emails and numbers too: show what it found rather than filtering by name again.
      filter={({ options, search: typed }) =>
        searching ? options : options.filter((option) => !('label' in option) || option.label.toLowerCase().includes(typed.trim().toLowerCase()))
      }
      clearable
      placeholder={found.isPending ? 'Loading…' : 'No contact'}
      error={props.error ?? found.error?.message}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No contact found'}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
