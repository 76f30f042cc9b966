import { Module } from '@nestjs/common';
import { OutboundTargetsModule } from '../outbound-targets/outbound-targets.module';
import { PhoneNumbersModule } from '../phone-numbers/phone-numbers.module';
import { TwilioModule } from '../twilio/twilio.module';
import { WebhookLogModule } from '../webhook-log/webhook-log.module';
import { ConversationDeletedConsumer } from './conversation-deleted.consumer';
import { InboundSmsService } from './inbound-sms.service';
import { MessageStatusService } from './message-status.service';
import { OutboundSmsService } from './outbound-sms.service';
import { TextMessagesHandlers } from './text-messages.handlers';
import { TextMessagesRepository } from './text-messages.repository';

/** Texts in and out of users' Twilio numbers, their delivery states, and deleted conversations. */
@Module({
  imports: [PhoneNumbersModule, OutboundTargetsModule, TwilioModule, WebhookLogModule],
  controllers: [TextMessagesHandlers],
  providers: [TextMessagesRepository, InboundSmsService, MessageStatusService, OutboundSmsService, ConversationDeletedConsumer],
  exports: [InboundSmsService, MessageStatusService],
})
export class TextMessagesModule {}
