import { Module } from '@nestjs/common';
import { PipelinesHandlers } from './pipelines.handlers';
import { PipelinesRepository } from './pipelines.repository';
import { PipelinesService } from './pipelines.service';

@Module({
  controllers: [PipelinesHandlers],
  providers: [PipelinesService, PipelinesRepository],
  exports: [PipelinesService],
})
export class PipelinesModule {}
