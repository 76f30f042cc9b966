import { Module } from '@nestjs/common';
import { AccountBccModule } from '../account-bcc/account-bcc.module';
import { ContactsModule } from '../contacts/contacts.module';
import { IntegrationOwnersModule } from '../integration-owners/integration-owners.module';
import { RecordSupportModule } from '../record-support/record-support.module';
import { UsersModule } from '../users/users.module';
import { ContactsByEmailHandlers } from './contacts-by-email.handlers';
import { ContactsByEmailRepository } from './contacts-by-email.repository';
import { ContactsByEmailService } from './contacts-by-email.service';

/** Contacts found or created by email for the services that file mail (`records.contacts.ensure-by-email.v1`). */
@Module({
  imports: [ContactsModule, UsersModule, IntegrationOwnersModule, RecordSupportModule, AccountBccModule],
  controllers: [ContactsByEmailHandlers],
  providers: [ContactsByEmailService, ContactsByEmailRepository],
})
export class ContactsByEmailModule {}
