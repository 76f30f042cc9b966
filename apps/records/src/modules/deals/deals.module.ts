import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ContactStatusModule } from '../contact-status/contact-status.module';
import { ContactsModule } from '../contacts/contacts.module';
import { PipelinesModule } from '../pipelines/pipelines.module';
import { AccessModule } from '../access/access.module';
import { NotesModule } from '../notes/notes.module';
import { TasksModule } from '../tasks/tasks.module';
import { RecordSupportModule } from '../record-support/record-support.module';
import { DealContactsService } from './deal-contacts.service';
import { DealDropboxService } from './deal-dropbox.service';
import { DealsHandlers } from './deals.handlers';
import { DealsRepository } from './deals.repository';
import { DealsService } from './deals.service';
import { StageTotalsRepository } from './stage-totals.repository';
import { StageTotalsService } from './stage-totals.service';

@Module({
  imports: [ContactStatusModule, AccessModule, NotesModule, TasksModule, RecordSupportModule, ContactsModule, PipelinesModule, AccountsModule],
  controllers: [DealsHandlers],
  providers: [DealsService, DealContactsService, DealDropboxService, DealsRepository, StageTotalsService, StageTotalsRepository],
  exports: [DealsService, DealsRepository, DealDropboxService],
})
export class DealsModule {}
