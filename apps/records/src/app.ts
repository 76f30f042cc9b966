import { schemaOf } from '@crm/contracts';
import { migrateService, ServiceEntry, startService } from '@crm/platform';
import { recordsMigrations } from './database/migrations';
import { RecordsModule } from './records.module';

export const recordsService: ServiceEntry = {
  name: 'records',
  start: (runtime, { httpPort }) =>
    startService(runtime, RecordsModule.register(runtime, httpPort !== undefined), { httpPort, answersRequests: true }),
  migrate: (runtime) =>
    migrateService({ url: runtime.databaseUrl, schema: schemaOf('records'), applicationName: 'records-migrate' }, recordsMigrations),
};
