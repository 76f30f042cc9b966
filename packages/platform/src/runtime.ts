import type { ServiceName } from '@crm/contracts';
import type { InProcessBus } from './messaging/in-process-bus';

/**
 * How a service is wired to the outside: the same code runs embedded (one process, in-process
 * messaging, PGlite) or distributed (own process, NATS JetStream, Postgres).
 */
export interface Runtime {
  mode: 'embedded' | 'distributed';
  databaseUrl: string;
  /** Distributed only. */
  natsUrl?: string;
  /** Embedded only: the shared in-process transport. */
  bus?: InProcessBus;
  /** Prepended to every subject, so several deployments (or test suites) share one NATS. */
  subjectPrefix: string;
  logLevel: string;
  databasePoolSize: number;
  migrateOnStart: boolean;
  /** Settings a service reads beyond the platform's (BCC_DOMAIN, PUBLIC_URL, ...). */
  settings: Record<string, string>;
}

export interface ServiceRuntime extends Runtime {
  service: ServiceName;
}
