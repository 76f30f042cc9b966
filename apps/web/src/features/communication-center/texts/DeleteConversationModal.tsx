import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { api } from '../../../api/client';
import { FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { useSubmission } from '../../../components/use-submission';
import { useRefreshPhoneCenter } from '../calls/phone-center-api';

/** Asks before deleting: the API deletes every message with the number, permanently. */
export function DeleteConversationModal(props: { phoneNumber: string; who: string; opened: boolean; onClose: () => void; onDeleted: () => void }) {
  const refresh = useRefreshPhoneCenter();
  const submission = useSubmission();

  const remove = () =>
    submission.run(async () => {
      await api.delete(`/v2/communications/text_messages/conversations/${encodeURIComponent(props.phoneNumber)}`);
      notifySuccess(`Conversation with ${props.who} deleted`);
      props.onDeleted();
      refresh();
    });

  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Delete conversation?">
      <Stack>
        <FormError error={submission.error} />
        <Text>
          Every text message with {props.who}
          {props.who !== props.phoneNumber && ` (${props.phoneNumber})`} will be deleted permanently.
        </Text>
        <Text fw={700}>This cannot be undone.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" loading={submission.busy} onClick={() => void remove()}>
            Delete permanently
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
