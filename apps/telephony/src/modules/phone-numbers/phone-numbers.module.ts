import { Module } from '@nestjs/common';
import { PhoneNumberDirectory } from './phone-number-directory';
import { PhoneNumbersHandlers } from './phone-numbers.handlers';
import { PhoneNumbersRepository } from './phone-numbers.repository';
import { PhoneNumbersService } from './phone-numbers.service';

@Module({
  controllers: [PhoneNumbersHandlers],
  providers: [PhoneNumbersRepository, PhoneNumbersService, PhoneNumberDirectory],
  exports: [PhoneNumbersRepository, PhoneNumbersService, PhoneNumberDirectory],
})
export class PhoneNumbersModule {}
