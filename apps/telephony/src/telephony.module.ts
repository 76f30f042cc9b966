import { DynamicModule, Module } from '@nestjs/common';
import { MessagingTables1700000000000, PlatformModule, ServiceRuntime } from '@crm/platform';

/** The telephony service's root module; its features arrive with their issues. */
@Module({})
export class TelephonyModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: TelephonyModule,
      imports: [PlatformModule.forRoot({ runtime, http, database: { entities: [], migrations: telephonyMigrations } })],
    };
  }
}

export const telephonyMigrations = [MessagingTables1700000000000];
