import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { NotesModule } from '../notes/notes.module';
import { TasksModule } from '../tasks/tasks.module';
import { RecordSupportModule } from '../record-support/record-support.module';
import { LeadsHandlers } from './leads.handlers';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

@Module({
  imports: [AccessModule, NotesModule, TasksModule, RecordSupportModule],
  controllers: [LeadsHandlers],
  providers: [LeadsService, LeadsRepository],
  exports: [LeadsRepository],
})
export class LeadsModule {}
