import { Module } from '@nestjs/common';
import { CallRecordingsController } from './call-recordings.controller';
import { ClickToCallController } from './click-to-call.controller';
import { OutboundTextMessagesController } from './outbound-text-messages.controller';
import { PhoneNumbersController } from './phone-numbers.controller';

/** Users' Twilio numbers, sending texts, click-to-call and recordings: answered by telephony (call visibility by communications). */
@Module({ controllers: [PhoneNumbersController, OutboundTextMessagesController, ClickToCallController, CallRecordingsController] })
export class TelephonyApiModule {}
