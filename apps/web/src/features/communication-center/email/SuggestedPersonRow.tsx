import type { SuggestedPersonDto } from '@crm/contracts';
import { Anchor, Button, Checkbox, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { NewRecordType } from './AddPeopleModal';
import { plural, shortDate } from './format';
import { useSuggestedPersonEmails } from './mailbox-api';

/** Their emails, loaded when the row is expanded (an address search over the Suggested tab). */
function PersonEmails({ email }: { email: string }) {
  const emails = useSuggestedPersonEmails(email, true);
  if (emails.isPending) return <Loader size="xs" aria-label="Loading their emails" />;
  if (emails.error) return <Text size="xs" c="red" role="alert">{emails.error.message}</Text>;
  return (
    <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }} aria-label={`Emails from ${email}`}>
      {emails.data.rows.map((message) => (
        <Group component="li" key={message.id} gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{shortDate(message.date)}</Text>
          <Anchor component={Link} to={`/communication-center/email/suggested/${message.id}`} size="sm" fw={message.read ? 400 : 700} truncate="end">
            {message.subject || '(no subject)'}
          </Anchor>
        </Group>
      ))}
      {emails.data.hasNext && <Text size="xs" c="dimmed">The latest 10 are shown.</Text>}
    </Stack>
  );
}

/** One sender: who, how many emails (unread), the latest, and what to do with them. */
export function SuggestedPersonRow(props: {
  person: SuggestedPersonDto;
  checked: boolean;
  onCheck: (on: boolean) => void;
  onAdd: (type: NewRecordType) => void;
  onIgnore: () => void;
  busy: boolean;
}) {
  const { person } = props;
  const [expanded, setExpanded] = useState(false);
  const unread = person.unread_count > 0;

  return (
    <Paper component="li" withBorder px="sm" py="xs" aria-label={person.email}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Checkbox mt={4} aria-label={`Select ${person.email}`} checked={props.checked} onChange={(event) => props.onCheck(event.currentTarget.checked)} />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={unread ? 700 : 500} truncate="end">
                {person.name || person.email}
              </Text>
              {person.name && <Text size="xs" c="dimmed" truncate="end">{person.email}</Text>}
            </Stack>
            <Text size="xs" c="dimmed">
              {plural(person.message_count, 'email')}
              {unread && ` (${person.unread_count} unread)`} · last {shortDate(person.last_message.date)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" truncate="end">
            Latest: {person.last_message.subject || '(no subject)'}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Button size="compact-sm" variant="light" disabled={props.busy} onClick={() => props.onAdd('lead')} aria-label={`Add as lead: ${person.email}`}>
              Add as lead
            </Button>
            <Button size="compact-sm" variant="light" disabled={props.busy} onClick={() => props.onAdd('contact')} aria-label={`Add as contact: ${person.email}`}>
              Add as contact
            </Button>
            <Button size="compact-sm" variant="subtle" color="gray" disabled={props.busy} onClick={props.onIgnore} aria-label={`Ignore ${person.email}`}>
              Ignore
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => setExpanded((on) => !on)} aria-expanded={expanded} aria-label={`${expanded ? 'Hide' : 'Show'} emails from ${person.email}`}>
              {expanded ? 'Hide emails' : 'Show emails'}
            </Button>
          </Group>
          {expanded && <PersonEmails email={person.email} />}
        </Stack>
      </Group>
    </Paper>
  );
}
