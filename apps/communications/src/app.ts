import { schemaOf } from '@crm/contracts';
import { migrateService, ServiceEntry, startService } from '@crm/platform';
import { CommunicationsModule } from './communications.module';
import { communicationsMigrations } from './database/migrations';

export const communicationsService: ServiceEntry = {
  name: 'communications',
  start: (runtime, { httpPort }) =>
    startService(runtime, CommunicationsModule.register(runtime, httpPort !== undefined), { httpPort, answersRequests: true }),
  migrate: (runtime) =>
    migrateService({ url: runtime.databaseUrl, schema: schemaOf('communications'), applicationName: 'communications-migrate' }, communicationsMigrations),
};
