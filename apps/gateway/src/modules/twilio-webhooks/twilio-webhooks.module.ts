import { Module } from '@nestjs/common';
import { TwilioWebhooksController } from './twilio-webhooks.controller';

/** Twilio's inbound webhooks, forwarded to telephony with the exact public URL and signature. */
@Module({ controllers: [TwilioWebhooksController] })
export class TwilioWebhooksModule {}
