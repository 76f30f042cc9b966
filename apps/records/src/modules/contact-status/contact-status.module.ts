import { Module } from '@nestjs/common';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactStatusRepository } from './contact-status.repository';
import { ContactStatusService } from './contact-status.service';

@Module({
  providers: [ContactStatusService, ContactStatusRepository, ContactsRepository],
  exports: [ContactStatusService],
})
export class ContactStatusModule {}
