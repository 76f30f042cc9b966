import { Module } from '@nestjs/common';
import { PhoneNumbersHandlers } from './phone-numbers.handlers';
import { PhoneNumbersRepository } from './phone-numbers.repository';
import { PhoneNumbersService } from './phone-numbers.service';

@Module({
  controllers: [PhoneNumbersHandlers],
  providers: [PhoneNumbersRepository, PhoneNumbersService],
  exports: [PhoneNumbersRepository, PhoneNumbersService],
})
export class PhoneNumbersModule {}
