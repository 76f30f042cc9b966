import { Alert, Button, Group, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** Why the API (or a check before sending) refused a form, in Sell's words, above the inputs. */
export function FormError(props: { error: Error | null | undefined; title?: string; mb?: MantineSpacing }) {
  if (!props.error) return null;
  return (
    <Alert color="red" role="alert" title={props.title} mb={props.mb}>
      {props.error.message}
    </Alert>
  );
}

/** The foot of a form: Cancel (when it can be left) and the submit button, busy while the request runs. */
export function FormActions(props: { submitLabel: ReactNode; busy?: boolean; disabled?: boolean; onCancel?: () => void }) {
  return (
    <Group justify="flex-end">
      {props.onCancel && (
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
      )}
      <Button type="submit" loading={props.busy} disabled={props.disabled}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}
