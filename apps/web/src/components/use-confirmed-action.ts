import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiMutation } from '../api/queries';
import { notifyError, notifySuccess } from './notify';

/**
 * A row action that asks first (delete, disconnect, take a number away): which row waits for
 * the answer, and the API call made once confirmed. Done, it says so and closes; refused, it
 * shows Sell's message and — unless `closeOnError` — stays open to try again. Spread `dialog`
 * into a ConfirmModal.
 */
export function useConfirmedAction<Row>(options: {
  run: (row: Row) => Promise<unknown>;
  invalidates: QueryKey[];
  doneMessage: (row: Row) => string;
  closeOnError?: boolean;
}) {
  const [pending, setPending] = useState<Row | null>(null);
  const mutation = useApiMutation(options.run, options.invalidates);
  const close = () => setPending(null);
  const confirm = () => {
    if (pending === null) return;
    const row = pending;
    mutation.mutate(row, {
      onSuccess: () => {
        notifySuccess(options.doneMessage(row));
        close();
      },
      onError: (error) => {
        notifyError(error);
        if (options.closeOnError) close();
      },
    });
  };
  return {
    /** The row being confirmed, null when the dialog is closed. */
    pending,
    ask: (row: Row) => setPending(row),
    dialog: { opened: pending !== null, busy: mutation.isPending, onConfirm: confirm, onClose: close },
  };
}
