import { Injectable, OnModuleInit } from '@nestjs/common';
import { PhoneCenterEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { TextMessagesRepository } from './text-messages.repository';

/** A conversation deleted in the Communication Center cannot be recovered: telephony's copies go too. */
@Injectable()
export class ConversationDeletedConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly messages: TextMessagesRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(PhoneCenterEvents.textConversationDeleted, async (event, tx) => {
      await this.messages.deleteBySids(tx, event.accountId, event.messageSids);
    });
  }
}
