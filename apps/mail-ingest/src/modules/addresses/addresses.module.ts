import { Module } from '@nestjs/common';
import { AddressesConsumer } from './addresses.consumer';
import { AddressesHandlers } from './addresses.handlers';
import { AddressesRepository } from './addresses.repository';
import { AddressesService } from './addresses.service';

@Module({
  controllers: [AddressesHandlers],
  providers: [AddressesRepository, AddressesService, AddressesConsumer],
  exports: [AddressesService],
})
export class AddressesModule {}
