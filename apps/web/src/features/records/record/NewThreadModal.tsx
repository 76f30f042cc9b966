import type { ActivityDto, RecordResourceType, ThreadDto } from '@crm/contracts';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, type SellEnvelope } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { FormActions, FormError } from '../../../components/form-parts';
import { notifySuccess } from '../../../components/notify';
import { ACTIVITY_TYPE_LABELS } from './activity-labels';

/** Names a new thread on the record; opened from an entry, that entry goes into it at once. */
export function NewThreadModal(props: { resourceType: RecordResourceType; resourceId: number; opened: boolean; withItem: ActivityDto | null; onClose: () => void }) {
  const [name, setName] = useState('');
  const create = useApiMutation(
    async (threadName: string) => {
      const thread = await api.post<SellEnvelope<ThreadDto>>('/v2/threads', {
        data: { resource_type: props.resourceType, resource_id: props.resourceId, name: threadName },
      });
      if (props.withItem) {
        await api.post(`/v2/threads/${thread.data.id}/items`, { data: { item_type: props.withItem.type, item_id: props.withItem.id } });
      }
      return thread.data;
    },
    [['/v2/threads'], ['/v2/activities']],
  );
  const close = () => {
    setName('');
    create.reset();
    props.onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (thread) => {
        notifySuccess(`Thread “${thread.name}” created`);
        close();
      },
    });
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={props.opened} onClose={close} title="New thread">
      <form onSubmit={submit} aria-label="New thread">
        <Stack>
          <FormError error={create.error} />
          <TextInput
            label="Thread name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            description={props.withItem ? `The ${ACTIVITY_TYPE_LABELS[props.withItem.type].toLowerCase()} goes into it.` : undefined}
            data-autofocus
          />
          <FormActions submitLabel="Create thread" busy={create.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
