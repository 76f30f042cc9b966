import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { SmartListsController } from './smart-lists.controller';

/** Smart lists, their records and counts, and bulk jobs over them: answered by records. */
@Module({ controllers: [SmartListsController, JobsController] })
export class SmartListsModule {}
