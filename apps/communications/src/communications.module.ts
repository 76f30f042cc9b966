import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@crm/platform';
import { communicationsEntities } from './database/entities';
import { communicationsMigrations } from './database/migrations';
import { CallOutcomesModule } from './modules/call-outcomes/call-outcomes.module';
import { CallsModule } from './modules/calls/calls.module';
import { EmailsModule } from './modules/emails/emails.module';
import { MailboxModule } from './modules/mailbox/mailbox.module';
import { OutboundModule } from './modules/outbound/outbound.module';
import { RecordSyncModule } from './modules/record-sync/record-sync.module';
import { TextMessagesModule } from './modules/text-messages/text-messages.module';
import { ActivitiesModule } from './modules/activities/activities.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { NoteCopiesModule } from './modules/note-copies/note-copies.module';
import { StarsModule } from './modules/stars/stars.module';
import { ThreadsModule } from './modules/threads/threads.module';
import { PhoneCenterModule } from './modules/phone-center/phone-center.module';
import { TelephonyEventsModule } from './modules/telephony-events/telephony-events.module';

/** The communications service's root module. */
@Module({})
export class CommunicationsModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: CommunicationsModule,
      imports: [
        PlatformModule.forRoot({ runtime, http, database: { entities: communicationsEntities, migrations: communicationsMigrations } }),
        CallOutcomesModule,
        CallsModule,
        TextMessagesModule,
        EmailsModule,
        RecordSyncModule,
        NoteCopiesModule, ActivitiesModule, StarsModule, ThreadsModule, ConversationsModule,
        MailboxModule,
        OutboundModule,
        TelephonyEventsModule, PhoneCenterModule,
      ],
    };
  }
}
