import { Select, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { api, itemsOf, type Query, type SellCollection } from '../api/client';
import { partyKey, partyName, type NamedParty, type PartyType } from './record-names';

/** A lead or contact chosen in the picker. */
export interface PickedRecord {
  resource_type: PartyType;
  resource_id: number;
  name: string;
  phone: string | null;
  mobile: string | null;
}

const PER_SEARCH = 10;
/** The lists' free-text search (`q`) needs this much text (the API's MIN_SEARCH_LENGTH). */
export const MIN_SEARCH_LENGTH = 3;
const LABELS: Record<PartyType, string> = { lead: 'Leads', contact: 'Contacts' };

/**
 * The list requests that find `text` among one type's records: the list's free-text search `q`
 * (names, company, email, phone numbers; a number typed with spaces or brackets is searched by
 * its digits, as the E.164 copy holds them). Shorter text asks for whole first or last names;
 * nothing typed lists the recently updated.
 */
export function searchQueries(type: PartyType, text: string): Query[] {
  const base = { per_page: PER_SEARCH };
  const typed = text.trim().replace(/\s+/g, ' ');
  if (!typed) return [{ ...base, sort_by: 'updated_at:desc' }];
  const digits = /^[+\d][\d\s().-]*$/.test(typed) ? typed.replace(/\D/g, '') : null;
  const q = digits && digits.length >= MIN_SEARCH_LENGTH ? digits : typed;
  if (q.length >= MIN_SEARCH_LENGTH) return [{ ...base, q }];
  return [{ ...base, first_name: typed }, { ...base, last_name: typed }];
}

function picked(type: PartyType, party: NamedParty): PickedRecord {
  return { resource_type: type, resource_id: party.id, name: partyName(party), phone: party.phone ?? null, mobile: party.mobile ?? null };
}

function optionLabel(record: PickedRecord): string {
  const number = record.mobile || record.phone;
  return number ? `${record.name} · ${number}` : record.name;
}

/**
 * A searchable select over the account's leads and contacts (those the user may see), through
 * `GET /v2/leads` and `GET /v2/contacts`: at most a few short pages per search, so it works the
 * same with 100 records or 100,000.
 */
export function RecordPicker(props: {
  label?: string;
  value: PickedRecord | null;
  onChange: (value: PickedRecord | null) => void;
  types?: PartyType[];
  required?: boolean;
  error?: string;
  autoFocus?: boolean;
}) {
  const types = props.types ?? ['lead', 'contact'];
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  // Once chosen, the input shows the choice's label: that is not a new search.
  const text = props.value && debounced === optionLabel(props.value) ? '' : debounced;

  const requests = types.flatMap((type) => searchQueries(type, text).map((query) => ({ type, query })));
  const results = useQueries({
    queries: requests.map(({ type, query }) => ({
      queryKey: [`/v2/${type}s`, query],
      queryFn: async () => itemsOf(await api.get<SellCollection<NamedParty>>(`/v2/${type}s`, query)).map((party) => picked(type, party)),
      staleTime: 30_000,
    })),
  });

  const found = new Map<string, PickedRecord>();
  if (props.value) found.set(partyKey(props.value.resource_type, props.value.resource_id), props.value);
  for (const result of results) for (const record of result.data ?? []) found.set(partyKey(record.resource_type, record.resource_id), record);

  const data: ComboboxItemGroup<ComboboxItem>[] = types.map((type) => ({
    group: LABELS[type],
    items: [...found.entries()].filter(([, r]) => r.resource_type === type).map(([value, r]) => ({ value, label: optionLabel(r) })),
  }));
  const loading = results.some((r) => r.isFetching);
  const failed = results.find((r) => r.error)?.error;

  return (
    <Select
      label={props.label ?? 'Lead or contact'}
      description="Type a first or last name, full name, company, email or phone"
      placeholder="Search leads and contacts"
      data={data}
      value={props.value ? partyKey(props.value.resource_type, props.value.resource_id) : null}
      onChange={(value) => props.onChange(value ? (found.get(value) ?? null) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The API already matched: show what it found rather than filtering its answers again.
      filter={({ options }) => options}
      nothingFoundMessage={loading ? 'Searching…' : 'No lead or contact found'}
      clearable
      required={props.required}
      autoFocus={props.autoFocus}
      error={props.error ?? failed?.message}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
