import type { ServiceName } from '@crm/contracts';
import type { ServiceRuntime } from '../runtime';
import type { RunningService } from './start-service';

/**
 * What every app exports from `src/app.ts`, so the launcher can run it embedded (all six in one
 * process) and `src/main.ts` can run it alone. Apps never import each other; the launcher is the
 * only place that knows all of them.
 */
export interface ServiceEntry {
  name: ServiceName;
  /** `httpPort` undefined: no HTTP listener (embedded services other than the gateway). */
  start(runtime: ServiceRuntime, options: { httpPort?: number }): Promise<RunningService>;
  /** Apply pending migrations of the service's schema; absent for services without tables. */
  migrate?(runtime: ServiceRuntime): Promise<string[]>;
}
