import 'reflect-metadata';
import { InProcessBus, InProcessClient, loadEnvOrExit, PrefixedNatsClient, RpcClient, RunningService, ServiceRuntime } from '@crm/platform';
import type { ServiceName } from '@crm/contracts';
import { loadOrCreateMailboxKey, MAIL_INGEST_SETTING_NAMES, MailIngestEnv } from '@crm/mail-ingest';
import { TELEPHONY_SETTING_NAMES, TelephonyEnv } from '@crm/telephony';
import { startEmbeddedPostgres } from './embedded-postgres';
import { describeFirstRun, ensureAdminAccount } from './first-run';
import { EmbeddedEnv } from './launcher-env';
import { ALL_SERVICES } from './services';
import { publicUrlOf, webRoot } from './web-root';

/**
 * `npm start`: all six services in this process. Postgres is embedded (PGlite under DATA_DIR)
 * unless DATABASE_URL is set; messaging is in-process unless NATS_URL is set. The gateway also
 * serves the built web app (apps/web/dist, or WEB_ROOT) at /.
 */
async function main(): Promise<void> {
  const env = loadEnvOrExit(EmbeddedEnv);
  loadEnvOrExit(MailIngestEnv); // BCC grace period, SMTP limits and TLS: checked here, read by mail-ingest
  const mailSettings = Object.fromEntries(MAIL_INGEST_SETTING_NAMES.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]));
  // Synced mailboxes' passwords are encrypted at rest: without a configured key, one kept in DATA_DIR/mailbox-key (0600).
  mailSettings.MAILBOX_ENCRYPTION_KEY ??= await loadOrCreateMailboxKey(env.DATA_DIR);
  loadEnvOrExit(TelephonyEnv); // Twilio credentials and call settings: checked here (never printed), read by telephony
  const telephonySettings = Object.fromEntries(TELEPHONY_SETTING_NAMES.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]));
  const publicUrl = publicUrlOf(env);
  // The built web app (apps/web/dist), served by the gateway at / when it exists.
  const webRootSetting = webRoot();
  const postgres = env.DATABASE_URL ? undefined : await startEmbeddedPostgres(env.DATA_DIR);
  const bus = env.NATS_URL ? undefined : new InProcessBus({ closed: true });
  const runtime = (service: ServiceName): ServiceRuntime => ({
    service,
    mode: bus ? 'embedded' : 'distributed',
    databaseUrl: env.DATABASE_URL ?? postgres!.url,
    natsUrl: env.NATS_URL,
    bus,
    subjectPrefix: env.NATS_SUBJECT_PREFIX,
    logLevel: env.LOG_LEVEL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    migrateOnStart: true,
    settings: { ...mailSettings, ...telephonySettings, ...(process.env.SMTP_RELAY_URL ? { SMTP_RELAY_URL: process.env.SMTP_RELAY_URL } : {}), BCC_DOMAIN: env.BCC_DOMAIN, PUBLIC_URL: publicUrl, SMTP_PORT: String(env.SMTP_PORT), ...(webRootSetting ? { WEB_ROOT: webRootSetting } : {}) },
  });

  const running: RunningService[] = [];
  const stop = async () => {
    for (const service of running.reverse()) await service.close().catch(() => undefined);
    await postgres?.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));

  try {
    for (const entry of ALL_SERVICES) {
      running.push(await entry.start(runtime(entry.name), { httpPort: entry.name === 'gateway' ? env.PORT : undefined }));
    }
    bus?.open(); // every consumer is registered now
    const rpc = new RpcClient(
      bus ? new InProcessClient(bus) : new PrefixedNatsClient({ servers: [env.NATS_URL!], prefix: env.NATS_SUBJECT_PREFIX, name: 'launcher' }),
    );
    const firstRun = await ensureAdminAccount(rpc, env.DATA_DIR, { name: env.ACCOUNT_NAME, adminEmail: env.ADMIN_EMAIL }, publicUrl);
    await rpc.close();
    const gateway = running.find((s) => s.name === 'gateway');
    const apiUrl = `http://localhost:${gateway?.httpPort}`;
    process.stdout.write(
      [
        '',
        `CRM is running: API ${apiUrl}/v2, docs ${apiUrl}/docs, SMTP on port ${env.SMTP_PORT}`,
        `Data: ${env.DATABASE_URL ? 'DATABASE_URL' : env.DATA_DIR}; messaging: ${bus ? 'in-process' : 'NATS'}`,
        describeFirstRun(firstRun, apiUrl, publicUrl),
        ...(webRootSetting ? [] : ['(The web app is not built: `npm run build` builds apps/web, or set WEB_ROOT.)']),
        '',
      ].join('\n') + '\n',
    );
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
