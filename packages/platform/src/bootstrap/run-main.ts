/** Entry point wrapper: a service that cannot start says why and exits non-zero. */
export function runMain(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    process.stderr.write(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
