import { Module } from '@nestjs/common';
import { OutboundTargetsModule } from '../outbound-targets/outbound-targets.module';
import { PhoneNumbersModule } from '../phone-numbers/phone-numbers.module';
import { TwilioModule } from '../twilio/twilio.module';
import { WebhookLogModule } from '../webhook-log/webhook-log.module';
import { CallStatusService } from './call-status.service';
import { CallUpdater } from './call-updater';
import { CallsHandlers } from './calls.handlers';
import { CallsRepository } from './calls.repository';
import { ClickToCallService } from './click-to-call.service';
import { InboundVoiceService } from './inbound-voice.service';
import { OwnPhones } from './own-phones';
import { VoiceTwiml } from './voice-twiml';

/** Inbound calls (ring, voicemail, missed), click-to-call, and call status callbacks. */
@Module({
  imports: [PhoneNumbersModule, OutboundTargetsModule, TwilioModule, WebhookLogModule],
  controllers: [CallsHandlers],
  providers: [CallsRepository, CallUpdater, OwnPhones, VoiceTwiml, InboundVoiceService, ClickToCallService, CallStatusService],
  exports: [CallsRepository, CallUpdater, InboundVoiceService, ClickToCallService, CallStatusService],
})
export class CallsModule {}
