import type { RoleDto } from '@crm/contracts';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCollection } from '../../../api/queries';
import { queryStateOf } from '../../../components/QueryState';
import { InviteUserModal } from './InviteUserModal';
import { RolesTable } from './RolesTable';
import { UsersTable } from './UsersTable';

/** Settings → Users and roles. Roles are few (Sell has a handful), so the first 100 are all of them. */
export default function UsersSettings() {
  const roles = useCollection<RoleDto>('/v2/roles', { per_page: 100, sort_by: 'id:asc' });
  const [inviting, setInviting] = useState(false);
  const roleRows = roles.data?.rows ?? [];
  const rolesState = queryStateOf(roles, { isEmpty: false, message: '' });

  return (
    <Stack gap="xl">
      <section aria-labelledby="users-heading">
        <Group justify="space-between" mb="xs">
          <Title order={3} id="users-heading">Users</Title>
          <Button onClick={() => setInviting(true)}>Invite user</Button>
        </Group>
        <UsersTable roles={roleRows} />
        <InviteUserModal opened={inviting} onClose={() => setInviting(false)} roles={roleRows} />
      </section>
      <section aria-labelledby="roles-heading">
        <Title order={3} id="roles-heading" mb={4}>Roles</Title>
        <Text size="sm" c="dimmed" mb="xs">
          A role's permissions apply to every user who has it. Users whose role may manage users are admins.
        </Text>
        {rolesState ?? <RolesTable roles={roleRows} />}
      </section>
    </Stack>
  );
}
