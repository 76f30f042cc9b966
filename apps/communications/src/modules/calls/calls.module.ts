import { Module } from '@nestjs/common';
import { CallOutcomesModule } from '../call-outcomes/call-outcomes.module';
import { RecordOwnersModule } from '../record-owners/record-owners.module';
import { RecordsAccessModule } from '../records-access/records-access.module';
import { CallsHandlers } from './calls.handlers';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

@Module({
  imports: [CallOutcomesModule, RecordOwnersModule, RecordsAccessModule],
  controllers: [CallsHandlers],
  providers: [CallsService, CallsRepository],
  exports: [CallsRepository],
})
export class CallsModule {}
