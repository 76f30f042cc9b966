import type { MailboxConnectionDto } from '@crm/contracts';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { useApiMutation, useCollection } from '../../../api/queries';
import { useCurrentUser } from '../../../auth/current-user';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { notifyError, notifySuccess } from '../../../components/notify';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { MailboxConnectionForm } from './MailboxConnectionForm';
import { MailboxStatus } from './MailboxStatus';
import { isBusy, STATUS_LABELS } from './connection-status';

const PER_PAGE = 25;

/**
 * A list of mailbox connections, asked again every few seconds while any of them is connecting or
 * syncing (so status and progress move on screen), and every minute otherwise.
 */
function useConnections(query: Record<string, number>) {
  const [busy, setBusy] = useState(false);
  const connections = useCollection<MailboxConnectionDto>('/v2/mailbox_connections', query, { refetchInterval: busy ? 5000 : 60000 });
  const anyBusy = (connections.data?.rows ?? []).some(isBusy);
  useEffect(() => setBusy(anyBusy), [anyBusy]);
  return connections;
}

function useDisconnect() {
  return useApiMutation((c: MailboxConnectionDto) => api.delete(`/v2/mailbox_connections/${c.id}`), [['/v2/mailbox_connections']]);
}

function DisconnectModal(props: { connection: MailboxConnectionDto | null; owner?: string; onClose: () => void }) {
  const disconnect = useDisconnect();
  const c = props.connection;
  const confirm = () =>
    c &&
    disconnect.mutate(c, {
      onSuccess: () => notifySuccess(`${c.username} was disconnected.`),
      onError: notifyError,
      onSettled: props.onClose,
    });
  return (
    <ConfirmModal opened={c !== null} title="Disconnect mailbox" confirmLabel="Disconnect" busy={disconnect.isPending} onConfirm={confirm} onClose={props.onClose}>
      {`Stop syncing ${c?.username ?? ''}${props.owner ? ` (${props.owner})` : ''}? Mail already copied stays on the records.`}
    </ConfirmModal>
  );
}

/** The signed-in user's own mailbox: connect it, watch the sync, change it, disconnect it. */
function OwnMailbox() {
  const self = useCurrentUser();
  const own = useConnections({ user_id: self.id, per_page: 1 });
  const connection = own.data?.rows[0];
  const [editing, setEditing] = useState(false);
  const [disconnecting, setDisconnecting] = useState<MailboxConnectionDto | null>(null);

  const state = queryStateOf(own, { isEmpty: false, message: '' });
  if (state) return state;
  if (!connection) {
    return (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          No mailbox connected. Connect yours over IMAP: your inbox and sent mail are copied onto the leads and contacts you write with.
        </Text>
        <MailboxConnectionForm />
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <MailboxStatus connection={connection} />
      {editing ? (
        <MailboxConnectionForm connection={connection} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <Group gap="xs">
          <Button variant="default" onClick={() => setEditing(true)}>Change settings</Button>
          <Button variant="subtle" color="red" onClick={() => setDisconnecting(connection)}>Disconnect</Button>
          {isBusy(connection) && <Text size="xs" c="dimmed">Refreshing every few seconds…</Text>}
        </Group>
      )}
      <DisconnectModal connection={disconnecting} onClose={() => setDisconnecting(null)} />
    </Stack>
  );
}

/** Every user's mailbox connection (admins see all): status at a glance, and disconnect. */
function AllMailboxes() {
  const [page, setPage] = useState(1);
  const connections = useConnections({ page, per_page: PER_PAGE });
  const rows = connections.data?.rows ?? [];
  const userIds = [...new Set(rows.map((c) => c.user_id))];
  const users = useCollection<{ id: number; name: string }>('/v2/users', { ids: userIds, per_page: 100 }, { enabled: userIds.length > 0 });
  const names = new Map((users.data?.rows ?? []).map((u) => [u.id, u.name]));
  const [disconnecting, setDisconnecting] = useState<MailboxConnectionDto | null>(null);

  const state = queryStateOf(connections, { isEmpty: rows.length === 0, message: 'Nobody has connected a mailbox yet.' });
  return (
    <Stack gap="xs">
      {state ?? (
        <Table.ScrollContainer minWidth={680}>
          <Table striped verticalSpacing="xs" aria-label="Mailbox connections">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                <Table.Th>Mailbox</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Last synced</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td><Text size="sm">{names.get(c.user_id) ?? `User ${c.user_id}`}</Text></Table.Td>
                  <Table.Td><Text size="sm">{c.username} on {c.host}</Text></Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_LABELS[c.status].color} variant="light">{STATUS_LABELS[c.status].label}</Badge>
                    {c.status === 'error' && c.last_error && <Text size="xs" c="red">{c.last_error}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{c.last_synced_at ? new Date(c.last_synced_at).toLocaleString() : 'not yet'}</Text></Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDisconnecting(c)} aria-label={`Disconnect ${c.username}`}>
                      Disconnect
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager page={page} hasPrev={!!connections.data?.hasPrev} hasNext={!!connections.data?.hasNext} onPage={setPage} busy={connections.isFetching} />
      <DisconnectModal connection={disconnecting} owner={disconnecting ? names.get(disconnecting.user_id) : undefined} onClose={() => setDisconnecting(null)} />
    </Stack>
  );
}

/** Settings → Mailbox connection. */
export default function MailboxSettings() {
  return (
    <Stack gap="xl">
      <Paper withBorder p="md" component="section" aria-labelledby="own-mailbox-heading">
        <Title order={3} id="own-mailbox-heading" mb="sm">Your mailbox</Title>
        <OwnMailbox />
      </Paper>
      <section aria-labelledby="all-mailboxes-heading">
        <Title order={3} id="all-mailboxes-heading" mb="xs">Everyone's mailboxes</Title>
        <AllMailboxes />
      </section>
    </Stack>
  );
}
