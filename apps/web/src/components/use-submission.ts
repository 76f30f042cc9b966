import { useState } from 'react';

/** An Error for whatever was thrown, so every form shows a message the same way. */
export function errorOf(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/**
 * The busy flag and the error of a form sent by hand — several requests in a row, or checks
 * before sending — where one TanStack mutation does not fit: `run` clears the last error, is busy
 * while the work runs, and keeps what the API said when it refuses (an ApiError, with its fields).
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (thrown) {
      setError(errorOf(thrown));
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    run,
    /** A check before sending failed: say why, nothing was sent. */
    fail: (message: string) => setError(new Error(message)),
    clear: () => setError(null),
  };
}
