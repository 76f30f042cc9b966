import { Module } from '@nestjs/common';
import { RecordsAccessModule } from '../records-access/records-access.module';
import { ConversationEmailsRepository } from './conversation-emails.repository';
import { ConversationsHandlers } from './conversations.handlers';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';
import { EmailThreadingRepository } from './email-threading.repository';
import { EmailThreadingService } from './email-threading.service';
import { EmailThreadingWorker } from './email-threading.worker';

/**
 * Email conversations: the threading pass in the background, reads, split and merge. Exports the
 * worker, whose `nudge` code that stores emails may call after commit.
 */
@Module({
  imports: [RecordsAccessModule],
  controllers: [ConversationsHandlers],
  providers: [
    ConversationsService,
    ConversationsRepository,
    ConversationEmailsRepository,
    EmailThreadingRepository,
    EmailThreadingService,
    EmailThreadingWorker,
  ],
  exports: [EmailThreadingWorker],
})
export class ConversationsModule {}
