import { schemaOf } from '@crm/contracts';
import { migrateService, ServiceEntry, startService } from '@crm/platform';
import { mailIngestMigrations } from './database/migrations';
import { MailIngestModule } from './mail-ingest.module';

export { SmtpListener } from './modules/smtp/smtp-listener';
export { MailIngestEnv, MAIL_INGEST_SETTING_NAMES } from './config';
export { loadOrCreateMailboxKey } from './modules/mailbox/mailbox-key-file';

export const mailIngestService: ServiceEntry = {
  name: 'mail-ingest',
  start: (runtime, { httpPort }) =>
    startService(runtime, MailIngestModule.register(runtime, httpPort !== undefined), { httpPort, answersRequests: true }),
  migrate: (runtime) =>
    migrateService({ url: runtime.databaseUrl, schema: schemaOf('mail-ingest'), applicationName: 'mail-ingest-migrate' }, mailIngestMigrations),
};
