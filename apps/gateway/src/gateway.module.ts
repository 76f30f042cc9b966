import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@crm/platform';
import { AuthModule } from './auth/auth.module';
import { AccessModule } from './modules/access/access.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { ActivitiesModule } from './modules/activities/activities.module';
import { CallsModule } from './modules/calls/calls.module';
import { CommunicationCenterModule } from './modules/communication-center/communication-center.module';
import { LeadConversionsModule } from './modules/lead-conversions/lead-conversions.module';
import { LeadFormsModule } from './modules/lead-forms/lead-forms.module';
import { NotesModule } from './modules/notes/notes.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { ContactsModule } from './modules/contacts/contacts.module';
import { DealsModule } from './modules/deals/deals.module';
import { DistributionModule } from './modules/distribution/distribution.module';
import { EmailConversationsModule } from './modules/email-conversations/email-conversations.module';
import { EmailOpensModule } from './modules/email-opens/email-opens.module';
import { EmailsModule } from './modules/emails/emails.module';
import { ImportsModule } from './modules/imports/imports.module';
import { IntegrationOwnersModule } from './modules/integration-owners/integration-owners.module';
import { LeadsModule } from './modules/leads/leads.module';
import { MailIngestModule } from './modules/mail-ingest/mail-ingest.module';
import { MailboxConnectionsModule } from './modules/mailbox-connections/mailbox-connections.module';
import { NamedItemsModule } from './modules/named-items/named-items.module';
import { OutboundEmailModule } from './modules/outbound-email/outbound-email.module';
import { PhoneCenterModule } from './modules/phone-center/phone-center.module';
import { TelephonyApiModule } from './modules/telephony/telephony.module';
import { TwilioWebhooksModule } from './modules/twilio-webhooks/twilio-webhooks.module';
import { PipelinesModule } from './modules/pipelines/pipelines.module';
import { SessionsModule } from './modules/sessions/sessions.module';
import { SmartListsModule } from './modules/smart-lists/smart-lists.module';
import { StarsModule } from './modules/stars/stars.module';
import { ThreadsModule } from './modules/threads/threads.module';
import { UsersModule } from './modules/users/users.module';

/** The public API's feature modules, also the scope of the OpenAPI document. */
export const API_MODULES = [
  AccountsModule,
  UsersModule,
  SessionsModule,
  LeadsModule,
  ContactsModule,
  DealsModule,
  PipelinesModule,
  NamedItemsModule,
  AccessModule,
  LeadConversionsModule,
  NotesModule,
  TasksModule,
  DistributionModule,
  IntegrationOwnersModule,
  ImportsModule,
  CallsModule,
  EmailsModule,
  ActivitiesModule, StarsModule, ThreadsModule, EmailConversationsModule,
  CommunicationCenterModule,
  PhoneCenterModule,
  TelephonyApiModule,
  TwilioWebhooksModule,
  OutboundEmailModule,
  EmailOpensModule,
  SmartListsModule,
  LeadFormsModule,
  MailIngestModule,
  MailboxConnectionsModule,
];

/** No database: the gateway keeps only caches and asks records for everything. */
@Module({})
export class GatewayModule {
  static register(runtime: ServiceRuntime): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot({ runtime, http: true }), AuthModule, ...API_MODULES],
    };
  }
}
