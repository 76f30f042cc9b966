import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { RecordingsModule } from '../recordings/recordings.module';
import { TextMessagesModule } from '../text-messages/text-messages.module';
import { TwilioModule } from '../twilio/twilio.module';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhooksHandlers } from './webhooks.handlers';

/** Twilio's webhooks, forwarded by the gateway: signature check, then sms, voice, status, recording. */
@Module({
  imports: [TwilioModule, TextMessagesModule, CallsModule, RecordingsModule],
  controllers: [WebhooksHandlers],
  providers: [WebhookDispatcher],
})
export class WebhooksModule {}
