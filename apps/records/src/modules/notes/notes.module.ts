import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { RecordSupportModule } from '../record-support/record-support.module';
import { NotesHandlers } from './notes.handlers';
import { NotesRepository } from './notes.repository';
import { NotesService } from './notes.service';

@Module({
  imports: [AccessModule, RecordSupportModule],
  controllers: [NotesHandlers],
  providers: [NotesService, NotesRepository],
  exports: [NotesService],
})
export class NotesModule {}
