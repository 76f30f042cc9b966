import type { MailLink, MailboxEmailDto, MailboxTab } from '@crm/contracts';
import { Anchor, Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { addressList, plural, shortAddress, shortDate } from './format';
import { LinkedRecords } from './linked-records';

/** Sent tab: delivery and opens of mail sent from the CRM; mail sent elsewhere is not tracked. */
function SentTracking({ email }: { email: MailboxEmailDto }) {
  if (!email.sent_from_crm) {
    return <Text size="xs" c="dimmed">Sent outside the CRM · not tracked</Text>;
  }
  if (!email.sent_at) {
    return <Badge size="sm" variant="light" color="gray">Queued for delivery</Badge>;
  }
  return (
    <Group gap={6}>
      <Badge size="sm" variant="light" color={email.opened ? 'teal' : 'gray'}>
        Opened: {email.opened ? 'yes' : 'no'}
      </Badge>
      <Text size="xs" c="dimmed">{plural(email.open_count ?? 0, 'open')}</Text>
    </Group>
  );
}

/** One email in a tab: checkbox, who, subject (the link that opens it), snippet, records, date. */
export function EmailRow(props: {
  email: MailboxEmailDto;
  tab: MailboxTab;
  href: string;
  checked: boolean;
  onCheck: (on: boolean) => void;
  onOpen: () => void;
  nameOf: (link: MailLink) => string;
}) {
  const { email } = props;
  const unread = !email.read;
  const subject = email.subject || '(no subject)';
  const who = email.folder === 'sent' ? `To: ${addressList(email.to)}` : shortAddress(email.from);

  return (
    <Paper component="li" withBorder px="sm" py="xs" bg={unread ? undefined : 'var(--mantine-color-gray-0)'} aria-label={subject}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Checkbox mt={4} aria-label={`Select email: ${subject}`} checked={props.checked} onChange={(event) => props.onCheck(event.currentTarget.checked)} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={unread ? 700 : 500} truncate="end" title={who}>
              {who}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {shortDate(email.date)}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            {unread && <Badge size="xs" variant="filled">Unread</Badge>}
            <Anchor component={Link} to={props.href} onClick={props.onOpen} size="sm" fw={unread ? 700 : 400} c="inherit" truncate="end">
              {subject}
            </Anchor>
          </Group>
          {email.snippet && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {email.snippet}
            </Text>
          )}
          <Group gap="xs" wrap="wrap">
            <LinkedRecords links={email.resources} nameOf={props.nameOf} />
            {email.attachments.length > 0 && <Text size="xs" c="dimmed">{plural(email.attachments.length, 'attachment')}</Text>}
            {props.tab === 'sent' && <SentTracking email={email} />}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
