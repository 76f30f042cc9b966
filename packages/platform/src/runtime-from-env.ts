import type { ServiceName } from '@crm/contracts';
import { loadEnvOrExit } from './config/env';
import { MessagingEnv, ServiceEnv } from './config/platform-env';
import type { ServiceRuntime } from './runtime';

/** A distributed service's runtime, from validated environment variables (exits on bad ones). */
export function distributedRuntimeFromEnv(
  service: ServiceName,
  options: { database: boolean } = { database: true },
  env: NodeJS.ProcessEnv = process.env,
): { runtime: ServiceRuntime; port: number } {
  const config: MessagingEnv & { DATABASE_URL?: string } = loadEnvOrExit(options.database ? ServiceEnv : MessagingEnv, env);
  return {
    port: config.PORT,
    runtime: {
      service,
      mode: 'distributed',
      databaseUrl: config.DATABASE_URL ?? '',
      natsUrl: config.NATS_URL,
      subjectPrefix: config.NATS_SUBJECT_PREFIX,
      logLevel: config.LOG_LEVEL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      migrateOnStart: config.MIGRATE_ON_START === 'true',
      settings: { BCC_DOMAIN: config.BCC_DOMAIN, PUBLIC_URL: config.PUBLIC_URL },
    },
  };
}
