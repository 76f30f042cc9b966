import { Module } from '@nestjs/common';
import { ActivityItemsModule } from '../activities/activity-items.module';
import { RecordsAccessModule } from '../records-access/records-access.module';
import { StarsHandlers } from './stars.handlers';
import { StarsRepository } from './stars.repository';
import { StarsService } from './stars.service';

@Module({
  imports: [ActivityItemsModule, RecordsAccessModule],
  controllers: [StarsHandlers],
  providers: [StarsService, StarsRepository],
})
export class StarsModule {}
