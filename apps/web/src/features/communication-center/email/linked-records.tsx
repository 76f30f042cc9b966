import type { MailLink, MailResourceType } from '@crm/contracts';
import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCollection } from '../../../api/queries';
import { type NamedParty, partyName } from '../../../components/record-names';

/** The record pages of this app; their lists in the API are the same paths under /v2. */
const PATHS: Record<MailResourceType, string> = { lead: '/leads', contact: '/contacts', deal: '/deals' };
const LABELS: Record<MailResourceType, string> = { lead: 'Lead', contact: 'Contact', deal: 'Deal' };

function idsOf(links: MailLink[], type: MailResourceType): number[] {
  return [...new Set(links.filter((l) => l.resource_type === type).map((l) => l.resource_id))].sort((a, b) => a - b);
}

/**
 * Names of the leads, contacts and deals some emails are filed on: one list request per record
 * type (`ids=`), however many rows the page has.
 */
export function useRecordNames(links: MailLink[]): (link: MailLink) => string {
  const leadIds = idsOf(links, 'lead');
  const contactIds = idsOf(links, 'contact');
  const dealIds = idsOf(links, 'deal');
  const leads = useCollection<NamedParty>(`/v2${PATHS.lead}`, { ids: leadIds, per_page: 100 }, { enabled: leadIds.length > 0 });
  const contacts = useCollection<NamedParty>(`/v2${PATHS.contact}`, { ids: contactIds, per_page: 100 }, { enabled: contactIds.length > 0 });
  const deals = useCollection<NamedParty>(`/v2${PATHS.deal}`, { ids: dealIds, per_page: 100 }, { enabled: dealIds.length > 0 });
  const names = new Map<string, string>();
  for (const [type, query] of [['lead', leads], ['contact', contacts], ['deal', deals]] as const) {
    for (const record of query.data?.rows ?? []) {
      // A deal has only `name`, which partyName reads first.
      names.set(`${type}:${record.id}`, partyName(record));
    }
  }
  return (link) => names.get(`${link.resource_type}:${link.resource_id}`) ?? `${LABELS[link.resource_type]} #${link.resource_id}`;
}

export function recordPath(link: MailLink): string {
  return `${PATHS[link.resource_type]}/${link.resource_id}`;
}

/** "Contact: Jane Doe", each a link to the record's page. */
export function LinkedRecords(props: { links: MailLink[]; nameOf: (link: MailLink) => string; size?: 'xs' | 'sm' }) {
  if (props.links.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap">
      {props.links.map((link) => (
        <Text key={`${link.resource_type}:${link.resource_id}`} size={props.size ?? 'xs'} c="dimmed">
          {LABELS[link.resource_type]}:{' '}
          <Anchor component={Link} to={recordPath(link)} size={props.size ?? 'xs'}>
            {props.nameOf(link)}
          </Anchor>
        </Text>
      ))}
    </Group>
  );
}
