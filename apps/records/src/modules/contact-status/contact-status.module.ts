import { Module } from '@nestjs/common';
import { AccountBccModule } from '../account-bcc/account-bcc.module';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactStatusRepository } from './contact-status.repository';
import { ContactStatusService } from './contact-status.service';

@Module({
  imports: [AccountBccModule],
  providers: [ContactStatusService, ContactStatusRepository, ContactsRepository],
  exports: [ContactStatusService],
})
export class ContactStatusModule {}
