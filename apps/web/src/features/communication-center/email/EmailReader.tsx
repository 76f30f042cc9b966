import type { MailboxTab } from '@crm/contracts';
import { Alert, Anchor, Badge, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { QueryStateView } from '../../../components/QueryState';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmailBody } from './EmailBody';
import { addressLabel, addressList, fileSize, fullDate } from './format';
import { LinkedRecords, useRecordNames } from './linked-records';
import { useEmailAction, useEmailMessage } from './mailbox-api';

/** One email, opened: who, when, the records it is filed on, attachments and the message. */
export function EmailReader(props: { emailId: number; tab: MailboxTab; onDone: () => void }) {
  const email = useEmailMessage(props.emailId);
  const nameOf = useRecordNames(email.data?.resources ?? []);
  const act = useEmailAction();

  if (email.isPending) return <QueryStateView kind="loading" label="Opening the email…" />;
  if (email.error) return <QueryStateView kind="error" message={email.error.message} onRetry={() => void email.refetch()} />;
  const message = email.data;

  const run = (action: 'mark_unread' | 'archive' | 'unarchive', done: string) =>
    act.mutate(
      { action, ids: [message.id] },
      {
        onSuccess: () => {
          notifySuccess(done);
          props.onDone();
        },
        onError: notifyError,
      },
    );

  return (
    <Stack gap="sm">
      <Title order={3} style={{ overflowWrap: 'anywhere' }}>
        {message.subject || '(no subject)'}
      </Title>
      <Stack gap={2}>
        <Text size="sm">
          <Text span fw={600}>From: </Text>
          {addressLabel(message.from)}
        </Text>
        <Text size="sm">
          <Text span fw={600}>To: </Text>
          {addressList(message.to)}
        </Text>
        {message.cc.length > 0 && (
          <Text size="sm">
            <Text span fw={600}>Cc: </Text>
            {addressList(message.cc)}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {fullDate(message.date)}
          {message.forwarded && ' · forwarded to the CRM'}
        </Text>
      </Stack>

      <Stack gap={4} aria-label="Linked records">
        <Text size="sm" fw={600}>Linked records</Text>
        {message.resources.length > 0 ? (
          <LinkedRecords links={message.resources} nameOf={nameOf} size="sm" />
        ) : (
          <Text size="sm" c="dimmed">Not filed on a lead or contact yet.</Text>
        )}
      </Stack>

      <Group gap="xs">
        {props.tab !== 'sent' && props.tab !== 'archived' && (
          <Button size="xs" variant="default" loading={act.isPending} onClick={() => run('mark_unread', 'Marked unread')}>
            Mark unread
          </Button>
        )}
        {props.tab === 'archived' ? (
          <Button size="xs" variant="default" loading={act.isPending} onClick={() => run('unarchive', 'Moved back from Archived')}>
            Unarchive
          </Button>
        ) : (
          <Button size="xs" variant="default" loading={act.isPending} onClick={() => run('archive', 'Archived')}>
            Archive
          </Button>
        )}
        {message.status && <Badge variant="light">{message.status}</Badge>}
      </Group>

      {message.attachments.length > 0 && (
        <Stack gap={2} aria-label="Attachments">
          <Text size="sm" fw={600}>Attachments</Text>
          {message.attachments.map((a) => (
            <Anchor key={a.id} href={`/v2/emails/${message.id}/attachments/${a.id}`} size="sm" download={a.filename ?? undefined}>
              {a.filename ?? 'attachment'} ({fileSize(a.size)})
            </Anchor>
          ))}
        </Stack>
      )}

      <Divider />
      {message.body_truncated && (
        <Alert color="yellow" p="xs">
          This message was longer than the CRM keeps; the end is cut.
        </Alert>
      )}
      <EmailBody email={message} />
    </Stack>
  );
}
