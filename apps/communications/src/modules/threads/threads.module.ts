import { Module } from '@nestjs/common';
import { ActivityItemsModule } from '../activities/activity-items.module';
import { RecordsAccessModule } from '../records-access/records-access.module';
import { ThreadItemsRepository } from './thread-items.repository';
import { ThreadsHandlers } from './threads.handlers';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

@Module({
  imports: [ActivityItemsModule, RecordsAccessModule],
  controllers: [ThreadsHandlers],
  providers: [ThreadsService, ThreadsRepository, ThreadItemsRepository],
  exports: [ThreadsRepository],
})
export class ThreadsModule {}
