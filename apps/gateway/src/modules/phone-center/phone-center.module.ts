import { Module } from '@nestjs/common';
import { PhoneCenterListsController } from './phone-center-lists.controller';
import { TextConversationsController } from './text-conversations.controller';
import { UnmatchedNumbersController } from './unmatched-numbers.controller';

/** The Communication Center for calls and text messages: answered by the communications service. */
@Module({ controllers: [PhoneCenterListsController, UnmatchedNumbersController, TextConversationsController] })
export class PhoneCenterModule {}
