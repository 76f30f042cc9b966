import type { RoleDto } from '@crm/contracts';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { notifyError, notifySuccess } from '../../../components/notify';
import { QueryStateView } from '../../../components/QueryState';
import { RoleFormModal } from './RoleFormModal';
import { permissionLabel } from './users-types';

/** Roles and what they allow; custom ones can be edited, and deleted while nobody has them. */
export function RolesTable(props: { roles: RoleDto[] }) {
  const [editing, setEditing] = useState<RoleDto | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<RoleDto | null>(null);
  const remove = useApiMutation((role: RoleDto) => api.delete(`/v2/roles/${role.id}`), [['/v2/roles']]);

  const confirmDelete = () => {
    if (!deleting) return;
    const role = deleting;
    remove.mutate(role, {
      onSuccess: () => {
        notifySuccess(`Role ${role.name} deleted.`);
        setDeleting(null);
      },
      onError: (e) => {
        notifyError(e);
        setDeleting(null);
      },
    });
  };

  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button variant="light" onClick={() => setCreating(true)}>New role</Button>
      </Group>
      {props.roles.length === 0 ? (
        <QueryStateView kind="empty" message="No roles yet." />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label="Roles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Role</Table.Th>
                <Table.Th>Permissions</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.roles.map((role) => (
                <Table.Tr key={role.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>{role.name}</Text>
                      {role.system && <Badge size="xs" variant="light" color="gray">Default</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {role.permissions.length === 0 ? (
                      <Text size="sm" c="dimmed">Own records only</Text>
                    ) : (
                      <Group gap={4}>
                        {role.permissions.map((p) => (
                          <Badge key={p} size="sm" variant="outline">{permissionLabel(p)}</Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!role.system && (
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(role)} aria-label={`Edit role ${role.name}`}>Edit</Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(role)} aria-label={`Delete role ${role.name}`}>Delete</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RoleFormModal opened={creating} onClose={() => setCreating(false)} />
      <RoleFormModal opened={editing !== null} onClose={() => setEditing(null)} role={editing ?? undefined} />
      <ConfirmModal opened={deleting !== null} title="Delete role" confirmLabel="Delete role" busy={remove.isPending} onConfirm={confirmDelete} onClose={() => setDeleting(null)}>
        {`Delete the role ${deleting?.name ?? ''}? Only a role nobody has can be deleted.`}
      </ConfirmModal>
    </Stack>
  );
}
