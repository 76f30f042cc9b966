import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { FilingService } from '../filing/filing.service';
import { IngestWorker } from './ingest.worker';
import { IngestedMessagesHandlers } from './ingested-messages.handlers';
import { IngestedMessagesService } from './ingested-messages.service';
import { RawMessagesRepository } from './raw-messages.repository';

@Module({
  imports: [AttachmentsModule],
  controllers: [IngestedMessagesHandlers],
  providers: [RawMessagesRepository, FilingService, IngestWorker, IngestedMessagesService],
  exports: [RawMessagesRepository, IngestWorker],
})
export class MessagesModule {}
