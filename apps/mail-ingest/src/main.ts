import 'reflect-metadata';
import { distributedRuntimeFromEnv, loadEnvOrExit, runMain } from '@crm/platform';
import { mailIngestService } from './app';
import { MailIngestEnv } from './config';

const { SMTP_PORT } = loadEnvOrExit(MailIngestEnv);
const { runtime, port } = distributedRuntimeFromEnv('mail-ingest');
runtime.settings.SMTP_PORT = String(SMTP_PORT);
runMain(() => mailIngestService.start(runtime, { httpPort: port }));
