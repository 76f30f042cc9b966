import type { ContactDto } from '@crm/contracts';
import { Select } from '@mantine/core';
import { useCollection } from '../../../api/queries';
import { CONTACT_KIND } from '../record-kinds';

/**
 * A deal's contact: the first 100 contacts by name (the API's largest page; it has no free-text
 * search on contacts), plus the chosen one when it is further down.
 */
export function ContactPicker(props: { label: string; value: string | null; onChange: (value: string | null) => void; error?: string; required?: boolean }) {
  const first = useCollection<ContactDto>('/v2/contacts', { per_page: 100, sort_by: 'last_name' });
  const chosen = useCollection<ContactDto>('/v2/contacts', { ids: props.value ?? '' }, { enabled: !!props.value });
  const byId = new Map<number, ContactDto>();
  for (const c of [...(first.data?.rows ?? []), ...(chosen.data?.rows ?? [])]) byId.set(c.id, c);
  const data = [...byId.values()].map((c) => ({ value: String(c.id), label: CONTACT_KIND.displayName(c) }));
  return (
    <Select
      label={props.label}
      required={props.required}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      placeholder={first.isPending ? 'Loading…' : 'No contact'}
      error={props.error ?? first.error?.message}
      nothingFoundMessage="No match among the first 100 contacts"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
