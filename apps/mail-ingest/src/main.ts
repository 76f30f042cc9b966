import 'reflect-metadata';
import { distributedRuntimeFromEnv, loadEnvOrExit, runMain } from '@crm/platform';
import { mailIngestService } from './app';
import { MAIL_INGEST_SETTING_NAMES, MailIngestEnv } from './config';

loadEnvOrExit(MailIngestEnv);
const { runtime, port } = distributedRuntimeFromEnv('mail-ingest');
for (const name of MAIL_INGEST_SETTING_NAMES) {
  const value = process.env[name];
  if (value !== undefined && value !== '') runtime.settings[name] = value;
}
runMain(() => mailIngestService.start(runtime, { httpPort: port }));
