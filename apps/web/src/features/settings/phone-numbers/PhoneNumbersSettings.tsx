import type { PhoneNumberDto } from '@crm/contracts';
import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { useApiMutation, useCollection } from '../../../api/queries';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { fieldErrorOf } from '../../../components/field-errors';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ownerChoiceOf, OwnerPicker } from '../../../components/OwnerPicker';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import type { UserSummary } from '../pools/use-users';

const PER_PAGE = 25;

/** Gives a user one of the account's Twilio numbers (POST /v2/phone_numbers): their texts and calls go through it. */
function AssignNumberForm() {
  const [user, setUser] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const assign = useApiMutation(
    (data: { user_id: number; phone_number: string }) => api.post('/v2/phone_numbers', { data }),
    [['/v2/phone_numbers']],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const choice = ownerChoiceOf(user);
    if (!choice || !('owner_id' in choice)) return;
    assign.mutate(
      { user_id: choice.owner_id, phone_number: number.trim() },
      {
        onSuccess: () => {
          notifySuccess(`${number.trim()} assigned.`);
          setNumber('');
          setUser(null);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="assign-number-heading">
      <Title order={4} id="assign-number-heading" mb="xs">Assign a number</Title>
      {assign.error && <Alert color="red" role="alert" mb="sm" title="Not assigned">{assign.error.message}</Alert>}
      <Group align="flex-end" wrap="wrap">
        <div style={{ flex: '1 1 220px' }}>
          <OwnerPicker label="User" value={user} onChange={setUser} allowPools={false} required />
        </div>
        <TextInput
          label="Twilio number"
          description="With the country code, e.g. +14155550100"
          required
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={fieldErrorOf(assign.error, 'phone_number')}
          style={{ flex: '1 1 220px' }}
        />
        <Button type="submit" loading={assign.isPending} disabled={!user || !number.trim()}>Assign</Button>
      </Group>
    </Paper>
  );
}

/** Settings → Phone numbers: the account's Twilio numbers and who has each (one number per user). */
export default function PhoneNumbersSettings() {
  const [page, setPage] = useState(1);
  const numbers = useCollection<PhoneNumberDto>('/v2/phone_numbers', { page, per_page: PER_PAGE });
  const rows = numbers.data?.rows ?? [];
  const userIds = [...new Set(rows.map((n) => n.user_id))];
  const users = useCollection<UserSummary>('/v2/users', { ids: userIds, per_page: 100 }, { enabled: userIds.length > 0 });
  const byId = new Map((users.data?.rows ?? []).map((u) => [u.id, u]));
  const [removing, setRemoving] = useState<PhoneNumberDto | null>(null);
  const remove = useApiMutation((n: PhoneNumberDto) => api.delete(`/v2/phone_numbers/${n.id}`), [['/v2/phone_numbers']]);

  const confirmRemove = () => {
    if (!removing) return;
    const n = removing;
    remove.mutate(n, {
      onSuccess: () => notifySuccess(`${n.phone_number} was taken from ${byId.get(n.user_id)?.name ?? 'its user'}.`),
      onError: notifyError,
      onSettled: () => setRemoving(null),
    });
  };

  const state = queryStateOf(numbers, { isEmpty: rows.length === 0, message: 'No Twilio numbers are assigned yet.' });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Each user can have one Twilio number: texts and calls to it land in their Communication Center, and they text and call from it.
      </Text>
      <AssignNumberForm />
      <Title order={4}>Numbers</Title>
      {users.error && <Alert color="red" role="alert">Users could not be loaded: {users.error.message}</Alert>}
      {state ?? (
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing="xs" aria-label="Phone numbers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Since</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((n) => {
                const user = byId.get(n.user_id);
                return (
                  <Table.Tr key={n.id}>
                    <Table.Td><Text size="sm" ff="monospace">{n.phone_number}</Text></Table.Td>
                    <Table.Td>
                      <Text size="sm">{user?.name ?? (users.isPending ? '…' : `User ${n.user_id}`)}</Text>
                      {user && <Text size="xs" c="dimmed">{user.email}{user.status !== 'active' ? ' · deactivated' : ''}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{new Date(n.created_at).toLocaleDateString()}</Text></Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(n)} aria-label={`Remove ${n.phone_number}`}>
                        Remove
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager page={page} hasPrev={!!numbers.data?.hasPrev} hasNext={!!numbers.data?.hasNext} onPage={setPage} busy={numbers.isFetching} />
      <ConfirmModal opened={removing !== null} title="Remove number" confirmLabel="Remove number" busy={remove.isPending} onConfirm={confirmRemove} onClose={() => setRemoving(null)}>
        {`Take ${removing?.phone_number ?? ''} from ${removing ? (byId.get(removing.user_id)?.name ?? 'its user') : ''}? Texts and calls to it will no longer reach them.`}
      </ConfirmModal>
    </Stack>
  );
}
