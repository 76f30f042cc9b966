import { Module } from '@nestjs/common';
import { PhoneMatchesRepository } from './phone-matches.repository';
import { PhoneNumbers } from './phone-numbers';
import { RecordPhonesRepository } from './record-phones.repository';
import { RecordPhonesService } from './record-phones.service';

/** The copy of leads' and contacts' numbers, and matching calls and texts to them by number. */
@Module({
  providers: [RecordPhonesService, RecordPhonesRepository, PhoneMatchesRepository, PhoneNumbers],
  exports: [RecordPhonesService, PhoneNumbers],
})
export class RecordPhonesModule {}
