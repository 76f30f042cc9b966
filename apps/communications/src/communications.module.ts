import { DynamicModule, Module } from '@nestjs/common';
import { MessagingTables1700000000000, PlatformModule, ServiceRuntime } from '@crm/platform';

/** The communications service's root module; its features arrive with their issues. */
@Module({})
export class CommunicationsModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: CommunicationsModule,
      imports: [PlatformModule.forRoot({ runtime, http, database: { entities: [], migrations: communicationsMigrations } })],
    };
  }
}

export const communicationsMigrations = [MessagingTables1700000000000];
