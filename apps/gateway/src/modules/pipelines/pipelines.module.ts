import { Module } from '@nestjs/common';
import { PipelinesController } from './pipelines.controller';
import { StageTotalsController } from './stage-totals.controller';
import { StagesController } from './stages.controller';

@Module({ controllers: [PipelinesController, StagesController, StageTotalsController] })
export class PipelinesModule {}
