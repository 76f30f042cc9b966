import type {  } from '@crm/contracts';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, type SellEnvelope } from '../../../api/client';
import { useCurrentUser } from '../../../auth/current-user';
import { notifySuccess } from '../../../components/notify';
import type { RecordKind } from '../record-kinds';
import type { AnyRecord } from '../types';
import { FIELD_SPECS, payloadOf, type FormValue, type FormValues } from './field-specs';
import { formErrorsOf, NO_ERRORS, type FormErrors } from './form-errors';
import { RecordFields } from './RecordFields';

/** "New lead / contact / deal": created through the API, then its page opens. `preset` fills fields (a deal's contact). */
export function NewRecordModal(props: { kind: RecordKind; opened: boolean; onClose: () => void; preset?: FormValues }) {
  const { kind } = props;
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const specs = FIELD_SPECS[kind.type];
  const blank = (): FormValues => ({
    owner: `user:${user.id}`,
    ...(kind.type === 'lead' ? { status: 'New' } : {}),
    ...props.preset,
  });
  const [values, setValues] = useState<FormValues>(blank);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setValues(blank());
    setErrors(NO_ERRORS);
    props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const created = await api.post<SellEnvelope<AnyRecord>>(kind.apiPath, { data: payloadOf(values, specs, null) });
      await client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(kind.apiPath) || String(q.queryKey[0]).startsWith('/v2/smart_lists') });
      notifySuccess(`${kind.displayName(created.data as never)} created`);
      close();
      navigate(`${kind.basePath}/${created.data.id}`);
    } catch (error) {
      setErrors(formErrorsOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={props.opened} onClose={close} title={`New ${kind.singular}`} size="lg">
      <form onSubmit={submit} aria-label={`New ${kind.singular}`}>
        <Stack>
          {errors.message && (
            <Alert color="red" role="alert">
              {errors.message}
            </Alert>
          )}
          <RecordFields
            type={kind.type}
            specs={specs}
            values={values}
            onChange={(key: string, value: FormValue) => setValues((v) => ({ ...v, [key]: value }))}
            errors={errors.fields}
            creating
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create {kind.singular}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
