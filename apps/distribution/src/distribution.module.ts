import { DynamicModule, Module } from '@nestjs/common';
import { MessagingTables1700000000000, PlatformModule, ServiceRuntime } from '@crm/platform';

/** The distribution service's root module; its features arrive with their issues. */
@Module({})
export class DistributionModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: DistributionModule,
      imports: [PlatformModule.forRoot({ runtime, http, database: { entities: [], migrations: distributionMigrations } })],
    };
  }
}

export const distributionMigrations = [MessagingTables1700000000000];
