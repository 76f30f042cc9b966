import type { RoleDto } from '@crm/contracts';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DataTable } from '../../../components/DataTable';
import { QueryStateView } from '../../../components/QueryState';
import { useConfirmedAction } from '../../../components/use-confirmed-action';
import { RoleFormModal } from './RoleFormModal';
import { permissionLabel } from './users-types';

/** Roles and what they allow; custom ones can be edited, and deleted while nobody has them. */
export function RolesTable(props: { roles: RoleDto[] }) {
  const [editing, setEditing] = useState<RoleDto | null>(null);
  const [creating, setCreating] = useState(false);
  const remove = useConfirmedAction({
    run: (role: RoleDto) => api.delete(`/v2/roles/${role.id}`),
    invalidates: [['/v2/roles']],
    doneMessage: (role) => `Role ${role.name} deleted.`,
    closeOnError: true,
  });

  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button variant="light" onClick={() => setCreating(true)}>New role</Button>
      </Group>
      {props.roles.length === 0 ? (
        <QueryStateView kind="empty" message="No roles yet." />
      ) : (
        <DataTable label="Roles" minWidth={640} verticalSpacing="xs" columns={['Role', 'Permissions', 'Actions']}>
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
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.ask(role)} aria-label={`Delete role ${role.name}`}>Delete</Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <RoleFormModal opened={creating} onClose={() => setCreating(false)} />
      <RoleFormModal opened={editing !== null} onClose={() => setEditing(null)} role={editing ?? undefined} />
      <ConfirmModal {...remove.dialog} title="Delete role" confirmLabel="Delete role">
        {`Delete the role ${remove.pending?.name ?? ''}? Only a role nobody has can be deleted.`}
      </ConfirmModal>
    </Stack>
  );
}
