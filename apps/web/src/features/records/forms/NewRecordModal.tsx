import { Modal } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, type SellEnvelope } from '../../../api/client';
import { useCurrentUser } from '../../../auth/current-user';
import { notifySuccess } from '../../../components/notify';
import { ownerValueOf } from '../../../components/OwnerPicker';
import { useSubmission } from '../../../components/use-submission';
import type { RecordKind } from '../record-kinds';
import { refreshRecordLists } from '../refresh-lists';
import type { AnyRecord } from '../types';
import { FIELD_SPECS, payloadOf, type FormValues } from './field-specs';
import { RecordForm } from './RecordForm';

/** "New lead / contact / deal": created through the API, then its page opens. `preset` fills fields (a deal's contact). */
export function NewRecordModal(props: { kind: RecordKind; opened: boolean; onClose: () => void; preset?: FormValues }) {
  const { kind } = props;
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const specs = FIELD_SPECS[kind.type];
  const blank = (): FormValues => ({
    owner: ownerValueOf({ owner_id: user.id }),
    ...(kind.type === 'lead' ? { status: 'New' } : {}),
    ...props.preset,
  });
  const [values, setValues] = useState<FormValues>(blank);
  const submission = useSubmission();

  const close = () => {
    setValues(blank());
    submission.clear();
    props.onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const created = await api.post<SellEnvelope<AnyRecord>>(kind.apiPath, { data: payloadOf(values, specs, null) });
      await refreshRecordLists(client, kind);
      notifySuccess(`${kind.displayName(created.data as never)} created`);
      close();
      navigate(`${kind.basePath}/${created.data.id}`);
    });
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={props.opened} onClose={close} title={`New ${kind.singular}`} size="lg">
      <RecordForm
        label={`New ${kind.singular}`}
        kind={kind}
        values={values}
        onValues={setValues}
        creating
        submission={submission}
        submitLabel={`Create ${kind.singular}`}
        onSubmit={submit}
        onCancel={close}
      />
    </Modal>
  );
}
