import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { RecordSupportModule } from '../record-support/record-support.module';
import { ContactsHandlers } from './contacts.handlers';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

@Module({
  imports: [AccessModule, RecordSupportModule],
  controllers: [ContactsHandlers],
  providers: [ContactsService, ContactsRepository],
  exports: [ContactsService, ContactsRepository],
})
export class ContactsModule {}
