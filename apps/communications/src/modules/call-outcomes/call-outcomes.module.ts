import { Module } from '@nestjs/common';
import { CallOutcomesHandlers } from './call-outcomes.handlers';
import { CallOutcomesRepository } from './call-outcomes.repository';
import { CallOutcomesService } from './call-outcomes.service';

@Module({
  controllers: [CallOutcomesHandlers],
  providers: [CallOutcomesService, CallOutcomesRepository],
  exports: [CallOutcomesService],
})
export class CallOutcomesModule {}
