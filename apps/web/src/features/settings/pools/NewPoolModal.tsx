import type { DistributionPoolDto, RecordResourceType } from '@crm/contracts';
import { Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type SellEnvelope } from '../../../api/client';
import { useApiMutation } from '../../../api/queries';
import { fieldErrorOf } from '../../../components/field-errors';
import { FormActions, FormError } from '../../../components/form-parts';
import { RECORD_TYPE_LABELS } from './pool-types';

/** Name and record type (fixed for the pool's life); members are added in the editor it opens. */
export function NewPoolModal(props: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [resourceType, setResourceType] = useState<RecordResourceType>('lead');
  const create = useApiMutation(
    () => api.post<SellEnvelope<DistributionPoolDto>>('/v2/distribution_pools', { data: { name, resource_type: resourceType } }),
    [['/v2/distribution_pools']],
  );

  const close = () => {
    create.reset();
    setName('');
    props.onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined, {
      onSuccess: (created) => {
        close();
        navigate(`/settings/pools/${created.data.id}`);
      },
    });
  };
  const nameError = fieldErrorOf(create.error, 'name');

  return (
    <Modal opened={props.opened} onClose={close} title="New distribution pool" centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label="Pool name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} data-autofocus />
          <div>
            <Text size="sm" fw={500} mb={4} id="new-pool-type">Records it distributes</Text>
            <SegmentedControl
              aria-labelledby="new-pool-type"
              value={resourceType}
              onChange={(value) => setResourceType(value as RecordResourceType)}
              data={(Object.keys(RECORD_TYPE_LABELS) as RecordResourceType[]).map((value) => ({ value, label: RECORD_TYPE_LABELS[value] }))}
            />
            <Text size="xs" c="dimmed" mt={4}>A pool keeps its record type.</Text>
          </div>
          <FormError error={nameError ? null : create.error} />
          <FormActions submitLabel="Create pool" busy={create.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
