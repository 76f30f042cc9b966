import type { RunningService } from './start-service';

/**
 * Entry point of a service that has the process to itself: a service that cannot start says why
 * and exits non-zero; SIGTERM or SIGINT closes it (in-flight work, connections) and then exits.
 * Embedded, the launcher owns the signals instead.
 */
export function runMain(start: () => Promise<RunningService>): void {
  start()
    .then((service) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          service.close().finally(() => process.exit(0));
        });
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
