import { Module } from '@nestjs/common';
import { PreparedReads } from '../../common/prepared-reads';
import { RecordOwnersModule } from '../record-owners/record-owners.module';
import { RecordPhonesModule } from '../record-phones/record-phones.module';
import { PhoneCenterHandlers } from './phone-center.handlers';
import { PhoneCenterListsRepository } from './phone-center-lists.repository';
import { PhoneCenterListsService } from './phone-center-lists.service';
import { TextConversationsRepository } from './text-conversations.repository';
import { TextConversationsService } from './text-conversations.service';
import { UnmatchedNumbersRepository } from './unmatched-numbers.repository';
import { UnmatchedNumbersService } from './unmatched-numbers.service';

/** The Communication Center for calls and text messages: lists, counts, unmatched actions, conversations. */
@Module({
  imports: [RecordPhonesModule, RecordOwnersModule],
  controllers: [PhoneCenterHandlers],
  providers: [
    PhoneCenterListsService,
    PhoneCenterListsRepository,
    UnmatchedNumbersService,
    UnmatchedNumbersRepository,
    TextConversationsService,
    TextConversationsRepository,
    PreparedReads,
  ],
})
export class PhoneCenterModule {}
