import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { notifySuccess } from '../../../components/notify';
import { RecordPicker, type PickedRecord } from '../../../components/RecordPicker';
import { useRefreshPhoneCenter } from './phone-center-api';

/**
 * Add to existing: the number goes into the chosen lead's or contact's phone, else mobile (the API
 * refuses when both are taken), and the number's calls and texts match that record.
 */
export function AddToExistingModal(props: { phoneNumber: string; opened: boolean; onClose: () => void }) {
  const refresh = useRefreshPhoneCenter();
  const [record, setRecord] = useState<PickedRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!record) {
      setError('Choose a lead or contact.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post('/v2/communications/unmatched/add_to_existing', {
        data: { phone_number: props.phoneNumber, resource_type: record.resource_type, resource_id: record.resource_id },
      });
      notifySuccess(`${props.phoneNumber} added to ${record.name}`);
      refresh();
      props.onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Add ${props.phoneNumber} to an existing lead or contact`}>
      <form onSubmit={submit}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <RecordPicker value={record} onChange={setRecord} required autoFocus />
          <Text size="xs" c="dimmed">
            The number goes into the record's phone, or its mobile when the phone is taken.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Add number
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
