import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ContactsModule } from '../contacts/contacts.module';
import { CustomFieldsModule } from '../custom-fields/custom-fields.module';
import { DealsModule } from '../deals/deals.module';
import { LeadsModule } from '../leads/leads.module';
import { NotesModule } from '../notes/notes.module';
import { PipelinesModule } from '../pipelines/pipelines.module';
import { RecordSupportModule } from '../record-support/record-support.module';
import { TasksModule } from '../tasks/tasks.module';
import { LeadConversionsHandlers } from './lead-conversions.handlers';
import { LeadConversionsRepository } from './lead-conversions.repository';
import { LeadConversionsService } from './lead-conversions.service';

@Module({
  imports: [AccessModule, LeadsModule, ContactsModule, DealsModule, PipelinesModule, RecordSupportModule, CustomFieldsModule, NotesModule, TasksModule],
  controllers: [LeadConversionsHandlers],
  providers: [LeadConversionsService, LeadConversionsRepository],
})
export class LeadConversionsModule {}
