import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities.controller';

/** A record's activity feed: answered by the communications service. */
@Module({ controllers: [ActivitiesController] })
export class ActivitiesModule {}
