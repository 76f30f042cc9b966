import { Stack } from '@mantine/core';
import type { Dispatch, FormEvent, SetStateAction } from 'react';
import { FormActions, FormError } from '../../../components/form-parts';
import type { RecordKind } from '../record-kinds';
import { FIELD_SPECS, type FormValues } from './field-specs';
import { formErrorsOf } from './form-errors';
import { RecordFields } from './RecordFields';

/**
 * A record's fields as a form, new or edited in place: the API's refusal on top, each field's
 * message under its input, Cancel and the submit button at the foot.
 */
export function RecordForm(props: {
  label: string;
  kind: RecordKind;
  values: FormValues;
  onValues: Dispatch<SetStateAction<FormValues>>;
  creating: boolean;
  submission: { busy: boolean; error: Error | null };
  submitLabel: string;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
}) {
  const errors = formErrorsOf(props.submission.error);
  return (
    <form onSubmit={props.onSubmit} aria-label={props.label}>
      <Stack>
        <FormError error={props.submission.error} />
        <RecordFields
          type={props.kind.type}
          specs={FIELD_SPECS[props.kind.type]}
          values={props.values}
          onChange={(key, value) => props.onValues((v) => ({ ...v, [key]: value }))}
          errors={errors.fields}
          creating={props.creating}
        />
        <FormActions submitLabel={props.submitLabel} busy={props.submission.busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
