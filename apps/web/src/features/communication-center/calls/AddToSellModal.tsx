import { Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { FormActions, FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { OwnerPicker, ownerChoiceOf } from '../../../components/OwnerPicker';
import type { PartyType } from '../../../components/record-names';
import { useSubmission } from '../../../components/use-submission';
import { useRefreshPhoneCenter } from './phone-center-api';

/**
 * Add to Sell: a new lead or contact with the unmatched number, owned by the user or pool chosen
 * (the API's owner_id / owner_pool_id; nobody chosen: the signed-in user). The number's calls and
 * texts match the new record at once.
 */
export function AddToSellModal(props: { phoneNumber: string; opened: boolean; onClose: () => void }) {
  const refresh = useRefreshPhoneCenter();
  const [as, setAs] = useState<PartyType>('lead');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const submission = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await api.post('/v2/communications/unmatched/add_to_sell', {
        data: {
          phone_number: props.phoneNumber,
          as,
          first_name: firstName.trim() || undefined,
          last_name: lastName.trim() || undefined,
          ...(ownerChoiceOf(owner) ?? {}),
        },
      });
      notifySuccess(`${props.phoneNumber} added to Sell as a ${as}`);
      refresh();
      props.onClose();
    });
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Add ${props.phoneNumber} to Sell`}>
      <form onSubmit={submit}>
        <Stack>
          <FormError error={submission.error} />
          <SegmentedControl
            aria-label="Add as"
            value={as}
            onChange={(value) => setAs(value as PartyType)}
            data={[
              { value: 'lead', label: 'New lead' },
              { value: 'contact', label: 'New contact' },
            ]}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label="First name" value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} maxLength={255} miw={160} />
            <TextInput label="Last name" value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} maxLength={255} miw={160} />
          </Group>
          <Text size="xs" c="dimmed">
            Without a last name the number stands in for it.
          </Text>
          <OwnerPicker value={owner} onChange={setOwner} />
          <Text size="xs" c="dimmed">
            No owner chosen: the record is yours.
          </Text>
          <FormActions submitLabel={`Add ${as}`} busy={submission.busy} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
