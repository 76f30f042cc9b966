import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AccountBccModule } from '../account-bcc/account-bcc.module';
import { CustomFieldsModule } from '../custom-fields/custom-fields.module';
import { NamedItemsModule } from '../named-items/named-items.module';
import { UsersModule } from '../users/users.module';
import { BulkJobWorker } from './bulk-job.worker';
import { BulkJobsRepository } from './bulk-jobs.repository';
import { PoolAllocation } from './pool-allocation';
import { BulkJobsService } from './bulk-jobs.service';
import { SmartListRecordsRepository } from './smart-list-records.repository';
import { SmartListsHandlers } from './smart-lists.handlers';
import { SmartListsRepository } from './smart-lists.repository';
import { SmartListsService } from './smart-lists.service';

/** Smart lists, their evaluation, and bulk jobs over them with the worker that runs the jobs. */
@Module({
  imports: [AccessModule, AccountBccModule, UsersModule, CustomFieldsModule, NamedItemsModule],
  controllers: [SmartListsHandlers],
  providers: [SmartListsService, SmartListsRepository, SmartListRecordsRepository, BulkJobsService, BulkJobsRepository, BulkJobWorker, PoolAllocation],
})
export class SmartListsModule {}
