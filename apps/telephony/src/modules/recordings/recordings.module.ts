import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { TwilioModule } from '../twilio/twilio.module';
import { WebhookLogModule } from '../webhook-log/webhook-log.module';
import { RecordingCallbackService } from './recording-callback.service';
import { RecordingMediaService } from './recording-media.service';
import { RecordingsHandlers } from './recordings.handlers';
import { RecordingsRepository } from './recordings.repository';

/** Call recordings and voicemails: metadata from Twilio's callbacks, media fetched on first play. */
@Module({
  imports: [CallsModule, TwilioModule, WebhookLogModule],
  controllers: [RecordingsHandlers],
  providers: [RecordingsRepository, RecordingCallbackService, RecordingMediaService],
  exports: [RecordingCallbackService],
})
export class RecordingsModule {}
