import { Module } from '@nestjs/common';
import { EmailTrackingModule } from '../outbound/tracking/email-tracking.module';
import { MailboxEntriesModule } from '../mailbox/mailbox-entries.module';
import { RecordsAccessModule } from '../records-access/records-access.module';
import { EmailIngestService } from './email-ingest.service';
import { EmailLinksRepository } from './email-links.repository';
import { EmailRecordLinksService } from './email-record-links.service';
import { EmailsHandlers } from './emails.handlers';
import { EmailsRepository } from './emails.repository';
import { EmailsService } from './emails.service';
import { MailReceivedConsumer } from './mail-received.consumer';

@Module({
  imports: [RecordsAccessModule, EmailTrackingModule, MailboxEntriesModule],
  controllers: [EmailsHandlers],
  providers: [EmailsService, EmailIngestService, EmailRecordLinksService, EmailsRepository, EmailLinksRepository, MailReceivedConsumer],
  exports: [EmailRecordLinksService, EmailIngestService, EmailsRepository, EmailLinksRepository],
})
export class EmailsModule {}
