import { Module } from '@nestjs/common';
import { EmailConversationsController } from './email-conversations.controller';

/** Email conversations: answered by the communications service. */
@Module({ controllers: [EmailConversationsController] })
export class EmailConversationsModule {}
