import { schemaOf } from '@crm/contracts';
import { migrateService, ServiceEntry, startService } from '@crm/platform';
import { distributionMigrations } from './database/migrations';
import { DistributionModule } from './distribution.module';

export const distributionService: ServiceEntry = {
  name: 'distribution',
  start: (runtime, { httpPort }) =>
    startService(runtime, DistributionModule.register(runtime, httpPort !== undefined), { httpPort, answersRequests: true }),
  migrate: (runtime) =>
    migrateService({ url: runtime.databaseUrl, schema: schemaOf('distribution'), applicationName: 'distribution-migrate' }, distributionMigrations),
};
