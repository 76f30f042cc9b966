import { Module } from '@nestjs/common';
import { RecordPhonesModule } from '../record-phones/record-phones.module';
import { RecordingUrls } from './recording-urls';
import { TelephonyCallsRepository } from './telephony-calls.repository';
import { TelephonyEventsConsumer } from './telephony-events.consumer';
import { TelephonyEventsService } from './telephony-events.service';
import { TelephonyTextsRepository } from './telephony-texts.repository';

/** Calls and SMS as telephony reports them, stored and matched to leads and contacts. */
@Module({
  imports: [RecordPhonesModule],
  providers: [TelephonyEventsConsumer, TelephonyEventsService, TelephonyCallsRepository, TelephonyTextsRepository, RecordingUrls],
})
export class TelephonyEventsModule {}
