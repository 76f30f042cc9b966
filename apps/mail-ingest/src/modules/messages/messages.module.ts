import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { FilingService } from '../filing/filing.service';
import { IngestWorker } from './ingest.worker';
import { IngestedMessagesHandlers } from './ingested-messages.handlers';
import { IngestedMessagesService } from './ingested-messages.service';
import { RawMessagesRepository } from './raw-messages.repository';
import { RecentRawMessages } from './recent-raw-messages';

@Module({
  imports: [AttachmentsModule],
  controllers: [IngestedMessagesHandlers],
  providers: [RawMessagesRepository, { provide: RecentRawMessages, useFactory: () => new RecentRawMessages() }, FilingService, IngestWorker, IngestedMessagesService],
  exports: [RawMessagesRepository, RecentRawMessages, IngestWorker],
})
export class MessagesModule {}
