import { Module } from '@nestjs/common';
import { EmailsModule } from '../emails/emails.module';
import { RecordOwnersModule } from '../record-owners/record-owners.module';
import { MailboxEntriesModule } from './mailbox-entries.module';
import { MailboxHandlers } from './mailbox.handlers';
import { MailboxService } from './mailbox.service';
import { MailboxTabsRepository } from './mailbox-tabs.repository';
import { PreparedReads } from '../../common/prepared-reads';
import { SuggestedPeopleRepository } from './suggested-people.repository';
import { SuggestedPeopleService } from './suggested-people.service';

/** The Communication Center's email tabs, counts, bulk actions and Suggested people. */
@Module({
  imports: [EmailsModule, MailboxEntriesModule, RecordOwnersModule],
  controllers: [MailboxHandlers],
  providers: [MailboxService, SuggestedPeopleService, MailboxTabsRepository, SuggestedPeopleRepository, PreparedReads],
})
export class MailboxModule {}
