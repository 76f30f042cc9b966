import type { MailboxConnectionDto } from '@crm/contracts';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { useCurrentUser } from '../../../auth/current-user';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DataTable } from '../../../components/DataTable';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { useConfirmedAction } from '../../../components/use-confirmed-action';
import { userLabel, useUserNames } from '../use-users';
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
  const connections = usePagedCollection<MailboxConnectionDto>('/v2/mailbox_connections', query, { refetchInterval: busy ? 5000 : 60000 });
  const anyBusy = connections.rows.some(isBusy);
  useEffect(() => setBusy(anyBusy), [anyBusy]);
  return connections;
}

/** Disconnecting asks first: the sync stops, mail already copied stays. */
function useDisconnect() {
  return useConfirmedAction({
    run: (c: MailboxConnectionDto) => api.delete(`/v2/mailbox_connections/${c.id}`),
    invalidates: [['/v2/mailbox_connections']],
    doneMessage: (c) => `${c.username} was disconnected.`,
    closeOnError: true,
  });
}

function DisconnectModal(props: { disconnect: ReturnType<typeof useDisconnect>; owner?: string }) {
  const c = props.disconnect.pending;
  return (
    <ConfirmModal {...props.disconnect.dialog} title="Disconnect mailbox" confirmLabel="Disconnect">
      {`Stop syncing ${c?.username ?? ''}${props.owner ? ` (${props.owner})` : ''}? Mail already copied stays on the records.`}
    </ConfirmModal>
  );
}

/** The signed-in user's own mailbox: connect it, watch the sync, change it, disconnect it. */
function OwnMailbox() {
  const self = useCurrentUser();
  const own = useConnections({ user_id: self.id, per_page: 1 });
  const connection = own.rows[0];
  const [editing, setEditing] = useState(false);
  const disconnect = useDisconnect();

  const state = queryStateOf(own.collection, { isEmpty: false, message: '' });
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
          <Button variant="subtle" color="red" onClick={() => disconnect.ask(connection)}>Disconnect</Button>
          {isBusy(connection) && <Text size="xs" c="dimmed">Refreshing every few seconds…</Text>}
        </Group>
      )}
      <DisconnectModal disconnect={disconnect} />
    </Stack>
  );
}

/** Every user's mailbox connection (admins see all): status at a glance, and disconnect. */
function AllMailboxes() {
  const connections = useConnections({ per_page: PER_PAGE });
  const rows = connections.rows;
  const names = useUserNames(rows.map((c) => c.user_id));
  const disconnect = useDisconnect();

  const state = queryStateOf(connections.collection, { isEmpty: rows.length === 0, message: 'Nobody has connected a mailbox yet.' });
  return (
    <Stack gap="xs">
      {state ?? (
        <DataTable label="Mailbox connections" minWidth={680} striped verticalSpacing="xs" columns={['User', 'Mailbox', 'Status', 'Last synced', 'Actions']}>
          {rows.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><Text size="sm">{userLabel(names, c.user_id)}</Text></Table.Td>
              <Table.Td><Text size="sm">{c.username} on {c.host}</Text></Table.Td>
              <Table.Td>
                <Badge color={STATUS_LABELS[c.status].color} variant="light">{STATUS_LABELS[c.status].label}</Badge>
                {c.status === 'error' && c.last_error && <Text size="xs" c="red">{c.last_error}</Text>}
              </Table.Td>
              <Table.Td><Text size="sm">{c.last_synced_at ? new Date(c.last_synced_at).toLocaleString() : 'not yet'}</Text></Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" color="red" onClick={() => disconnect.ask(c)} aria-label={`Disconnect ${c.username}`}>
                  Disconnect
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Pager {...connections.pager} />
      <DisconnectModal disconnect={disconnect} owner={disconnect.pending ? names.get(disconnect.pending.user_id) : undefined} />
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
