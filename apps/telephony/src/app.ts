import { schemaOf } from '@crm/contracts';
import { migrateService, ServiceEntry, startService } from '@crm/platform';
import { telephonyMigrations } from './database/migrations';
import { TelephonyModule } from './telephony.module';

export { TelephonyEnv, TELEPHONY_SETTING_NAMES } from './config';

export const telephonyService: ServiceEntry = {
  name: 'telephony',
  start: (runtime, { httpPort }) =>
    startService(runtime, TelephonyModule.register(runtime, httpPort !== undefined), { httpPort, answersRequests: true }),
  migrate: (runtime) =>
    migrateService({ url: runtime.databaseUrl, schema: schemaOf('telephony'), applicationName: 'telephony-migrate' }, telephonyMigrations),
};
