import type { MailboxConnectionDto } from '@crm/contracts';
import { Alert, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { STATUS_LABELS } from './connection-status';

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'not yet';
}

/** Where the sync of one mailbox stands: status, the last error, progress per folder. */
export function MailboxStatus(props: { connection: MailboxConnectionDto }) {
  const c = props.connection;
  const status = STATUS_LABELS[c.status];
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color={status.color} variant="light" aria-label={`Status: ${status.label}`}>{status.label}</Badge>
        <Text size="sm">
          {c.username} on {c.host}:{c.port} ({c.tls ? 'SSL/TLS' : c.starttls ? 'STARTTLS' : 'no encryption'})
        </Text>
      </Group>
      {c.status === 'error' && c.last_error && (
        <Alert color="red" role="alert" title={`The last attempt failed${c.failures > 1 ? ` (${c.failures} in a row)` : ''}`}>
          {c.last_error}. The next attempt is at {when(c.next_sync_at)}.
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        Last synced: {when(c.last_synced_at)}
      </Text>
      {c.folders.map((f) => (
        <div key={f.folder}>
          <Group justify="space-between">
            <Text size="sm">{f.folder === 'inbox' ? 'Inbox' : 'Sent'} ({f.path})</Text>
            <Text size="xs" c="dimmed">
              {f.synced.toLocaleString()} of {f.total.toLocaleString()} messages{f.skipped ? `, ${f.skipped} too large` : ''}
            </Text>
          </Group>
          <Progress value={f.total ? Math.min(100, ((f.synced + f.skipped) / f.total) * 100) : 100} aria-label={`${f.folder === 'inbox' ? 'Inbox' : 'Sent'} sync progress`} />
        </div>
      ))}
    </Stack>
  );
}
