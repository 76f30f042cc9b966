import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AccountBccModule } from '../account-bcc/account-bcc.module';
import { ContactStatusModule } from '../contact-status/contact-status.module';
import { NotesModule } from '../notes/notes.module';
import { TasksModule } from '../tasks/tasks.module';
import { RecordSupportModule } from '../record-support/record-support.module';
import { ContactsHandlers } from './contacts.handlers';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

@Module({
  imports: [ContactStatusModule, AccessModule, AccountBccModule, NotesModule, TasksModule, RecordSupportModule],
  controllers: [ContactsHandlers],
  providers: [ContactsService, ContactsRepository],
  exports: [ContactsService, ContactsRepository],
})
export class ContactsModule {}
