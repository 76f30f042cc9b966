/**
 * Retry an assertion until it holds or `timeoutMs` has passed (then its last failure is thrown):
 * events, webhooks and sent messages land asynchronously.
 */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 15_000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
