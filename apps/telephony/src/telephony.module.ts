import { DynamicModule, Global, Module } from '@nestjs/common';
import { loadEnv, PlatformModule, ServiceRuntime } from '@crm/platform';
import { TELEPHONY_SETTINGS, TelephonyEnv } from './config';
import { telephonyMigrations } from './database/migrations';
import { CallsModule } from './modules/calls/calls.module';
import { PhoneNumbersModule } from './modules/phone-numbers/phone-numbers.module';
import { RecordingsModule } from './modules/recordings/recordings.module';
import { TextMessagesModule } from './modules/text-messages/text-messages.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';

@Global()
@Module({})
class TelephonySettingsModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    const provider = { provide: TELEPHONY_SETTINGS, useValue: loadEnv(TelephonyEnv, runtime.settings) };
    return { module: TelephonySettingsModule, providers: [provider], exports: [provider] };
  }
}

/** Telephony through Twilio: users' numbers, inbound webhooks, outbound texts and click-to-call, recordings. */
@Module({})
export class TelephonyModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: TelephonyModule,
      imports: [
        PlatformModule.forRoot({ runtime, http, database: { entities: [], migrations: telephonyMigrations } }),
        TelephonySettingsModule.register(runtime),
        PhoneNumbersModule,
        TextMessagesModule,
        CallsModule,
        RecordingsModule,
        WebhooksModule,
      ],
    };
  }
}
