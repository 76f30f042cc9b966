import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { invalidateByPrefix } from '../../../api/queries';
import { useCurrentUser } from '../../../auth/current-user';
import { FormError } from '../../../components/form-parts';
import { OwnerPicker, ownerChoiceOf, ownerValueOf } from '../../../components/OwnerPicker';
import { notifySuccess } from '../../../components/notify';
import { plural } from './format';
import { usePeopleAction } from './mailbox-api';

export type NewRecordType = 'lead' | 'contact';

/**
 * Add suggested people as leads or contacts, choosing the owner (you by default, another user, or
 * a pool that picks the next member). Their past emails move to the Inbox, filed on the new records.
 */
export function AddPeopleModal(props: { type: NewRecordType; emails: string[]; onClose: () => void; onAdded: () => void }) {
  const me = useCurrentUser();
  const [owner, setOwner] = useState<string | null>(ownerValueOf({ owner_id: me.id }));
  const add = usePeopleAction();
  const client = useQueryClient();
  const count = props.emails.length;
  const title = `Add as ${props.type}`;

  const submit = () =>
    add.mutate(
      { action: props.type === 'lead' ? 'add_as_lead' : 'add_as_contact', emails: props.emails, owner: ownerChoiceOf(owner) },
      {
        onSuccess: (result) => {
          const moved = result.records.reduce((sum, record) => sum + record.linked_emails, 0);
          notifySuccess(`Added ${plural(result.records.length, props.type)}; ${plural(moved, 'email')} now in the Inbox`);
          props.onAdded();
        },
        // A refusal usually means the list was out of date (someone else added them): show it as it is now.
        onError: () => void invalidateByPrefix(client, ['/v2/communications']),
      },
    );

  return (
    <Modal opened onClose={props.onClose} title={title} centered>
      <Stack>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {count === 1 ? props.emails[0] : `${count} people`} will become {count === 1 ? `a ${props.type}` : `${props.type}s`}, with their emails filed on{' '}
          {count === 1 ? 'it' : 'them'}.
        </Text>
        <OwnerPicker value={owner} onChange={setOwner} poolTypes={[props.type]} />
        <FormError error={add.error} title="Not added" />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={add.isPending}>
            Add {plural(count, props.type)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
