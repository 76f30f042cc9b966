import type { Permission, RoleDto } from '@crm/contracts';
import { Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { api, type SellEnvelope } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { fieldErrorOf } from '../../../components/field-errors';
import { FormActions, FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { PERMISSIONS } from './users-types';

/** Create a custom role, or change one (`role` given): its name and which permissions it grants. */
export function RoleFormModal(props: { opened: boolean; onClose: () => void; role?: RoleDto }) {
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const save = useApiMutation(
    (data: { name: string; permissions: Permission[] }) =>
      props.role ? api.put<SellEnvelope<RoleDto>>(`/v2/roles/${props.role.id}`, { data }) : api.post<SellEnvelope<RoleDto>>('/v2/roles', { data }),
    [['/v2/roles'], ['/v2/users']],
  );

  useEffect(() => {
    if (!props.opened) return;
    setName(props.role?.name ?? '');
    setPermissions(props.role?.permissions ?? []);
    save.reset();
    // Only when the modal opens (or opens for another role): typing must not be reset.
  }, [props.opened, props.role?.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name: name.trim(), permissions: permissions as Permission[] },
      {
        onSuccess: (saved) => {
          notifySuccess(props.role ? `Role ${saved.data.name} saved.` : `Role ${saved.data.name} created.`);
          props.onClose();
        },
      },
    );
  };
  const error = save.error;

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.role ? `Edit role ${props.role.name}` : 'New role'}>
      <Stack component="form" onSubmit={submit}>
        <FormError error={error} title="Not saved" />
        <TextInput
          label="Role name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldErrorOf(error, 'name')}
          data-autofocus
        />
        <Checkbox.Group label="Permissions" description="A role without any lets its users work on their own records only." value={permissions} onChange={setPermissions}>
          <Stack gap="xs" mt="xs">
            {PERMISSIONS.map((p) => (
              <Checkbox key={p.value} value={p.value} label={p.label} description={p.description || undefined} />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormActions submitLabel={props.role ? 'Save role' : 'Create role'} busy={save.isPending} onCancel={props.onClose} />
      </Stack>
    </Modal>
  );
}
