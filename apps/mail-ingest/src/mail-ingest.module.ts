import { DynamicModule, Global, Module } from '@nestjs/common';
import { loadEnv, PlatformModule, ServiceRuntime } from '@crm/platform';
import { MAIL_INGEST_SETTINGS, MailIngestEnv } from './config';
import { mailIngestMigrations } from './database/migrations';
import { AddressesModule } from './modules/addresses/addresses.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { MailboxModule } from './modules/mailbox/mailbox.module';
import { MessagesModule } from './modules/messages/messages.module';
import { SmtpModule } from './modules/smtp/smtp.module';

@Global()
@Module({})
class MailIngestSettingsModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    const provider = { provide: MAIL_INGEST_SETTINGS, useValue: loadEnv(MailIngestEnv, runtime.settings) };
    return { module: MailIngestSettingsModule, providers: [provider], exports: [provider] };
  }
}

/** BCC mail ingest: the account's and deals' addresses, the SMTP server, filing, the ingest log. */
@Module({})
export class MailIngestModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: MailIngestModule,
      imports: [
        PlatformModule.forRoot({ runtime, http, database: { entities: [], migrations: mailIngestMigrations } }),
        MailIngestSettingsModule.register(runtime),
        AddressesModule,
        AttachmentsModule,
        MessagesModule,
        MailboxModule,
        SmtpModule,
      ],
    };
  }
}
