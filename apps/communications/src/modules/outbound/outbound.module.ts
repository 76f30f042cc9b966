import { Module } from '@nestjs/common';
import { loadEnv, RUNTIME, ServiceRuntime } from '@crm/platform';
import { EmailsModule } from '../emails/emails.module';
import { MailboxEntriesModule } from '../mailbox/mailbox-entries.module';
import { RecordOwnersModule } from '../record-owners/record-owners.module';
import { RecordsAccessModule } from '../records-access/records-access.module';
import { ComposeEmailService } from './compose/compose-email.service';
import { OutboundEmailsRepository } from './compose/outbound-emails.repository';
import { RecipientResolver } from './compose/recipient-resolver';
import { SentEmailRecorder } from './compose/sent-email-recorder';
import { DeliveryQueueRepository } from './delivery/delivery-queue.repository';
import { DeliveryWorker } from './delivery/delivery.worker';
import { OutboundEmailHandlers } from './outbound-email.handlers';
import { OUTBOUND_SETTINGS, OutboundEnv } from './outbound-settings';
import { EmailOpensService } from './tracking/email-opens.service';
import { EmailTrackingModule } from './tracking/email-tracking.module';

/** Mail composed in the CRM: stored as sent, delivered through the SMTP relay, opens counted. */
@Module({
  imports: [EmailsModule, EmailTrackingModule, MailboxEntriesModule, RecordOwnersModule, RecordsAccessModule],
  controllers: [OutboundEmailHandlers],
  providers: [
    // Checked when the service starts: a malformed SMTP_RELAY_URL stops it with the reason.
    { provide: OUTBOUND_SETTINGS, inject: [RUNTIME], useFactory: (runtime: ServiceRuntime) => loadEnv(OutboundEnv, runtime.settings) },
    ComposeEmailService,
    RecipientResolver,
    SentEmailRecorder,
    OutboundEmailsRepository,
    EmailOpensService,
    DeliveryQueueRepository,
    DeliveryWorker,
  ],
})
export class OutboundModule {}
