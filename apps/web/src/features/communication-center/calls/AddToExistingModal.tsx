import { Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { FormActions, FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { RecordPicker, type PickedRecord } from '../../../components/RecordPicker';
import { useSubmission } from '../../../components/use-submission';
import { useRefreshPhoneCenter } from './phone-center-api';

/**
 * Add to existing: the number goes into the chosen lead's or contact's phone, else mobile (the API
 * refuses when both are taken), and the number's calls and texts match that record.
 */
export function AddToExistingModal(props: { phoneNumber: string; opened: boolean; onClose: () => void }) {
  const refresh = useRefreshPhoneCenter();
  const [record, setRecord] = useState<PickedRecord | null>(null);
  const submission = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!record) return submission.fail('Choose a lead or contact.');
    void submission.run(async () => {
      await api.post('/v2/communications/unmatched/add_to_existing', {
        data: { phone_number: props.phoneNumber, resource_type: record.resource_type, resource_id: record.resource_id },
      });
      notifySuccess(`${props.phoneNumber} added to ${record.name}`);
      refresh();
      props.onClose();
    });
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Add ${props.phoneNumber} to an existing lead or contact`}>
      <form onSubmit={submit}>
        <Stack>
          <FormError error={submission.error} />
          <RecordPicker value={record} onChange={setRecord} required autoFocus />
          <Text size="xs" c="dimmed">
            The number goes into the record's phone, or its mobile when the phone is taken.
          </Text>
          <FormActions submitLabel="Add number" busy={submission.busy} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
