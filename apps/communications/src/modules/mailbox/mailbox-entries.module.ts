import { Module } from '@nestjs/common';
import { MailboxEntriesRepository } from './mailbox-entries.repository';
import { MailboxFilingService } from './mailbox-filing.service';

/** Mailbox entries, apart from the tabs so that the emails module can file into them without a cycle. */
@Module({ providers: [MailboxEntriesRepository, MailboxFilingService], exports: [MailboxEntriesRepository, MailboxFilingService] })
export class MailboxEntriesModule {}
