import { Module } from '@nestjs/common';
import { RecordsAccessModule } from '../records-access/records-access.module';
import { TextMessagesHandlers } from './text-messages.handlers';
import { TextMessagesRepository } from './text-messages.repository';
import { TextMessagesService } from './text-messages.service';

@Module({
  imports: [RecordsAccessModule],
  controllers: [TextMessagesHandlers],
  providers: [TextMessagesService, TextMessagesRepository],
  exports: [TextMessagesRepository],
})
export class TextMessagesModule {}
