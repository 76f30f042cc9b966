import type { PhoneNumberDto } from '@crm/contracts';
import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DataTable } from '../../../components/DataTable';
import { fieldErrorOf } from '../../../components/field-errors';
import { FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { ownerChoiceOf, OwnerPicker } from '../../../components/OwnerPicker';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { useConfirmedAction } from '../../../components/use-confirmed-action';
import { useUsersById, type UserSummary } from '../use-users';

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
      <FormError error={assign.error} title="Not assigned" mb="sm" />
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
  const numbers = usePagedCollection<PhoneNumberDto>('/v2/phone_numbers', { per_page: PER_PAGE });
  const rows = numbers.rows;
  const users = useUsersById(rows.map((n) => n.user_id));
  const byId = users.data ?? new Map<number, UserSummary>();
  const holderOf = (n: PhoneNumberDto) => byId.get(n.user_id)?.name ?? 'its user';
  const remove = useConfirmedAction({
    run: (n: PhoneNumberDto) => api.delete(`/v2/phone_numbers/${n.id}`),
    invalidates: [['/v2/phone_numbers']],
    doneMessage: (n) => `${n.phone_number} was taken from ${holderOf(n)}.`,
    closeOnError: true,
  });

  const state = queryStateOf(numbers.collection, { isEmpty: rows.length === 0, message: 'No Twilio numbers are assigned yet.' });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Each user can have one Twilio number: texts and calls to it land in their Communication Center, and they text and call from it.
      </Text>
      <AssignNumberForm />
      <Title order={4}>Numbers</Title>
      {users.error && <Alert color="red" role="alert">Users could not be loaded: {users.error.message}</Alert>}
      {state ?? (
        <DataTable label="Phone numbers" minWidth={520} striped verticalSpacing="xs" columns={['Number', 'User', 'Since', 'Actions']}>
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
                  <Button size="xs" variant="subtle" color="red" onClick={() => remove.ask(n)} aria-label={`Remove ${n.phone_number}`}>
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
      <Pager {...numbers.pager} />
      <ConfirmModal {...remove.dialog} title="Remove number" confirmLabel="Remove number">
        {`Take ${remove.pending?.phone_number ?? ''} from ${remove.pending ? holderOf(remove.pending) : ''}? Texts and calls to it will no longer reach them.`}
      </ConfirmModal>
    </Stack>
  );
}
