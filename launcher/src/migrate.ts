import 'reflect-metadata';
import { loadEnvOrExit } from '@crm/platform';
import type { ServiceName } from '@crm/contracts';
import { startEmbeddedPostgres } from './embedded-postgres';
import { EmbeddedEnv } from './launcher-env';
import { ALL_SERVICES } from './services';

/** `npm run migrate` and the Kubernetes migration Job: every service's pending migrations, in order. */
async function migrate(): Promise<void> {
  const env = loadEnvOrExit(EmbeddedEnv);
  const postgres = env.DATABASE_URL ? undefined : await startEmbeddedPostgres(env.DATA_DIR);
  try {
    for (const entry of ALL_SERVICES) {
      if (!entry.migrate) continue;
      const applied = await entry.migrate({
        service: entry.name as ServiceName,
        mode: 'distributed',
        databaseUrl: env.DATABASE_URL ?? postgres!.url,
        subjectPrefix: '',
        logLevel: env.LOG_LEVEL,
        databasePoolSize: 1,
        migrateOnStart: true,
        settings: {},
      });
      process.stdout.write(`${entry.name}: ${applied.length ? applied.join(', ') : 'up to date'}\n`);
    }
  } finally {
    await postgres?.stop();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
