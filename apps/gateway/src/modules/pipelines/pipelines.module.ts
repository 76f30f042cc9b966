import { Module } from '@nestjs/common';
import { PipelinesController } from './pipelines.controller';
import { StagesController } from './stages.controller';

@Module({ controllers: [PipelinesController, StagesController] })
export class PipelinesModule {}
