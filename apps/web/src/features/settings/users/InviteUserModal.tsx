import type { RoleDto, UserDto } from '@crm/contracts';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type SellEnvelope } from '../../../api/client';
import { invalidateByPrefix } from '../../../api/queries';
import { fieldErrorOf } from '../../../components/field-errors';
import { FormActions, FormError } from '../../../components/form-parts';
import { useSubmission } from '../../../components/use-submission';
import { InvitationLink } from './InvitationLink';
import type { Invitation } from './users-types';

/**
 * Inviting a user is two API calls: create the user (POST /v2/users), then issue their invitation
 * link (POST /v2/users/:id/invitation). If the second fails the user exists already, so the form
 * turns into a "get the link" retry instead of creating them twice.
 */
export function InviteUserModal(props: { opened: boolean; onClose: () => void; roles: RoleDto[] }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roleId, setRoleId] = useState<string | null>(null);
  const [created, setCreated] = useState<UserDto | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const submission = useSubmission();
  const { error } = submission;

  const reset = () => {
    setName('');
    setEmail('');
    setRoleId(null);
    setCreated(null);
    setInvitation(null);
    submission.clear();
  };
  const close = () => {
    reset();
    props.onClose();
  };

  const issueInvitation = async (user: UserDto) => {
    const issued = await api.post<SellEnvelope<Invitation>>(`/v2/users/${user.id}/invitation`);
    setInvitation(issued.data);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      let user = created;
      if (!user) {
        const data: Record<string, unknown> = { name: name.trim(), email: email.trim() };
        if (roleId) data.role_id = Number(roleId);
        user = (await api.post<SellEnvelope<UserDto>>('/v2/users', { data })).data;
        setCreated(user);
        await invalidateByPrefix(client, ['/v2/users']);
      }
      await issueInvitation(user);
    });
  };

  const fieldError = (field: string) => fieldErrorOf(error, field);

  return (
    <Modal opened={props.opened} onClose={close} title="Invite a user" size="lg">
      {invitation && created ? (
        <Stack>
          <Alert color="teal" title={`${created.name} was invited`}>
            Send them this link: they choose a password there and are signed in.
          </Alert>
          <InvitationLink invitation={invitation} name={created.name} />
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>Invite another</Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack component="form" onSubmit={submit}>
          <FormError error={error} title={created ? `${created.name} was created, but the link was not` : 'Not invited'} />
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={!!created} error={fieldError('name')} data-autofocus />
          <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} disabled={!!created} error={fieldError('email')} />
          <Select
            label="Role"
            placeholder="Sales rep (default)"
            data={props.roles.map((r) => ({ value: String(r.id), label: r.name }))}
            value={roleId}
            onChange={setRoleId}
            disabled={!!created}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <FormActions submitLabel={created ? 'Get the invitation link' : 'Invite'} busy={submission.busy} onCancel={close} />
        </Stack>
      )}
    </Modal>
  );
}
