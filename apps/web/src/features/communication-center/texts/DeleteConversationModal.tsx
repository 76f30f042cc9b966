import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../../api/client';
import { notifySuccess } from '../../../components/notify';
import { useRefreshPhoneCenter } from '../calls/phone-center-api';

/** Asks before deleting: the API deletes every message with the number, permanently. */
export function DeleteConversationModal(props: { phoneNumber: string; who: string; opened: boolean; onClose: () => void; onDeleted: () => void }) {
  const refresh = useRefreshPhoneCenter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/v2/communications/text_messages/conversations/${encodeURIComponent(props.phoneNumber)}`);
      notifySuccess(`Conversation with ${props.who} deleted`);
      props.onDeleted();
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Delete conversation?">
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Text>
          Every text message with {props.who}
          {props.who !== props.phoneNumber && ` (${props.phoneNumber})`} will be deleted permanently.
        </Text>
        <Text fw={700}>This cannot be undone.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            Delete permanently
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
