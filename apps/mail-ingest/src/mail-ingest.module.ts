import { DynamicModule, Module } from '@nestjs/common';
import { MessagingTables1700000000000, PlatformModule, ServiceRuntime } from '@crm/platform';
import { SmtpListener } from './modules/smtp/smtp-listener';

@Module({})
export class MailIngestModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: MailIngestModule,
      imports: [PlatformModule.forRoot({ runtime, http, database: { entities: [], migrations: mailIngestMigrations } })],
      providers: [SmtpListener],
    };
  }
}

export const mailIngestMigrations = [MessagingTables1700000000000];
