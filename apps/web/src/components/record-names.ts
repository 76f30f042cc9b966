import { useQuery } from '@tanstack/react-query';
import { api, itemsOf, type SellCollection } from '../api/client';

export type PartyType = 'lead' | 'contact';

/** What a lead or contact is called, from the fields Sell's leads and contacts have. */
export interface NamedParty {
  id: number;
  first_name: string | null;
  last_name: string | null;
  /** Leads: the company. */
  organization_name?: string | null;
  /** Contacts: the full name (person) or the company's name. */
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
}

export function partyName(party: NamedParty): string {
  const person = [party.first_name, party.last_name].filter(Boolean).join(' ');
  return party.name || person || party.organization_name || party.email || `#${party.id}`;
}

export function partyKey(type: PartyType, id: number): string {
  return `${type}:${id}`;
}

/** The leads (or contacts) named by `ids`: one `ids=` request per type and page of items. */
function usePartiesById(type: PartyType, ids: number[]) {
  const sorted = [...new Set(ids)].sort((a, b) => a - b).slice(0, 100);
  return useQuery({
    queryKey: [`/v2/${type}s`, { ids: sorted.join(','), per_page: 100 }],
    queryFn: async () => itemsOf(await api.get<SellCollection<NamedParty>>(`/v2/${type}s`, { ids: sorted.join(','), per_page: 100 })),
    enabled: sorted.length > 0,
    staleTime: 60_000,
  });
}

/**
 * Names of the leads and contacts a page of calls or texts hangs on, keyed `lead:<id>` /
 * `contact:<id>` (a record the user may not see, or a deal, has no name here).
 */
export function useRecordNames(refs: { resource_type: string | null; resource_id: number | null }[]): Map<string, string> {
  const idsOf = (type: PartyType) => refs.filter((r) => r.resource_type === type && r.resource_id !== null).map((r) => r.resource_id as number);
  const leads = usePartiesById('lead', idsOf('lead'));
  const contacts = usePartiesById('contact', idsOf('contact'));
  const names = new Map<string, string>();
  for (const lead of leads.data ?? []) names.set(partyKey('lead', lead.id), partyName(lead));
  for (const contact of contacts.data ?? []) names.set(partyKey('contact', contact.id), partyName(contact));
  return names;
}
