import type { RoleDto, UserDto } from '@crm/contracts';
import { Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api, type SellEnvelope } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { useCurrentUser } from '../../../auth/current-user';
import { DataTable } from '../../../components/DataTable';
import { notifyError, notifySuccess } from '../../../components/notify';
import { usePagedCollection } from '../../../components/paged-collection';
import { Pager } from '../../../components/Pager';
import { queryStateOf } from '../../../components/QueryState';
import { InvitationLink } from './InvitationLink';
import type { Invitation } from './users-types';

const PER_PAGE = 25;
type StatusFilter = 'active' | 'inactive' | 'all';

/** The account's users, a page at a time: role, status, and a fresh invitation link on demand. */
export function UsersTable(props: { roles: RoleDto[] }) {
  const self = useCurrentUser();
  const [status, setStatus] = useState<StatusFilter>('active');
  const users = usePagedCollection<UserDto>('/v2/users', { per_page: PER_PAGE, sort_by: 'name:asc', status: status === 'all' ? undefined : status });
  const [invited, setInvited] = useState<{ user: UserDto; invitation: Invitation } | null>(null);

  const update = useApiMutation(
    ({ user, data }: { user: UserDto; data: Partial<Pick<UserDto, 'status' | 'role_id'>> }) => api.put<SellEnvelope<UserDto>>(`/v2/users/${user.id}`, { data }),
    [['/v2/users']],
  );
  const invite = useApiMutation((user: UserDto) => api.post<SellEnvelope<Invitation>>(`/v2/users/${user.id}/invitation`));

  const changeRole = (user: UserDto, roleId: string | null) => {
    if (!roleId || Number(roleId) === user.role_id) return;
    const role = props.roles.find((r) => r.id === Number(roleId));
    update.mutate(
      { user, data: { role_id: Number(roleId) } },
      { onSuccess: () => notifySuccess(`${user.name} is now ${role?.name ?? 'in the new role'}.`), onError: notifyError },
    );
  };
  const setActive = (user: UserDto, active: boolean) =>
    update.mutate(
      { user, data: { status: active ? 'active' : 'inactive' } },
      { onSuccess: () => notifySuccess(`${user.name} was ${active ? 'reactivated' : 'deactivated'}.`), onError: notifyError },
    );
  const newLink = (user: UserDto) =>
    invite.mutate(user, { onSuccess: (issued) => setInvited({ user, invitation: issued.data }), onError: notifyError });

  const rows = users.rows;
  const state = queryStateOf(users.collection, { isEmpty: rows.length === 0, message: status === 'inactive' ? 'No deactivated users.' : 'No users here.' });
  const roleOptions = props.roles.map((r) => ({ value: String(r.id), label: r.name }));

  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Show users"
        value={status}
        onChange={(value) => {
          setStatus(value as StatusFilter);
          users.setPage(1);
        }}
        data={[
          { value: 'active', label: 'Active' },
          { value: 'inactive', label: 'Deactivated' },
          { value: 'all', label: 'All' },
        ]}
        w={{ base: '100%', xs: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
      />
      {state ?? (
        <DataTable label="Users" minWidth={760} striped verticalSpacing="xs" columns={['Name', 'Email', 'Role', 'Status', 'Actions']}>
          {rows.map((user) => {
            const isSelf = user.id === self.id;
            return (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>{user.name}</Text>
                  {isSelf && <Text size="xs" c="dimmed">You</Text>}
                </Table.Td>
                <Table.Td><Text size="sm">{user.email}</Text></Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Role of ${user.name}`}
                    data={roleOptions}
                    value={user.role_id !== null ? String(user.role_id) : null}
                    placeholder={user.role === 'admin' ? 'Admin' : 'User'}
                    onChange={(value) => changeRole(user, value)}
                    disabled={isSelf || update.isPending}
                    allowDeselect={false}
                    size="xs"
                    w={170}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
                <Table.Td>
                  <Badge color={user.status === 'active' ? 'teal' : 'gray'} variant="light">
                    {user.status === 'active' ? 'Active' : 'Deactivated'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {user.status === 'active' ? (
                      <Button size="xs" variant="default" disabled={isSelf || update.isPending} onClick={() => setActive(user, false)} aria-label={`Deactivate ${user.name}`}>
                        Deactivate
                      </Button>
                    ) : (
                      <Button size="xs" variant="light" disabled={update.isPending} onClick={() => setActive(user, true)} aria-label={`Reactivate ${user.name}`}>
                        Reactivate
                      </Button>
                    )}
                    {user.status === 'active' && (
                      <Button size="xs" variant="subtle" loading={invite.isPending && invite.variables?.id === user.id} onClick={() => newLink(user)} aria-label={`New invitation link for ${user.name}`}>
                        Invitation link
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
      <Pager {...users.pager} />
      <Modal opened={invited !== null} onClose={() => setInvited(null)} title="Invitation link" size="lg">
        {invited && (
          <Stack>
            <Text size="sm">A new link for {invited.user.name}; any older unused link of theirs no longer works.</Text>
            <InvitationLink invitation={invited.invitation} name={invited.user.name} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
