import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@crm/platform';
import { distributionMigrations } from './database/migrations';
import { AllocationModule } from './modules/allocation/allocation.module';
import { KnownUsersModule } from './modules/known-users/known-users.module';
import { PoolsModule } from './modules/pools/pools.module';

/** Distribution pools: round-robin owners for leads, contacts and deals. */
@Module({})
export class DistributionModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: DistributionModule,
      imports: [
        PlatformModule.forRoot({ runtime, http, database: { entities: [], migrations: distributionMigrations } }),
        KnownUsersModule,
        PoolsModule,
        AllocationModule,
      ],
    };
  }
}
