import { Module } from '@nestjs/common';
import { NoteCopiesModule } from '../note-copies/note-copies.module';
import { ThreadsModule } from '../threads/threads.module';
import { ActivitiesHandlers } from './activities.handlers';
import { ActivitiesService } from './activities.service';
import { ActivityFeedRepository } from './activity-feed.repository';
import { ActivityItemsModule } from './activity-items.module';
import { ActivityRecordSyncService } from './activity-record-sync.service';

/** The activity feed of a lead, contact or deal; and the hook that moves notes and threads with their record. */
@Module({
  imports: [ActivityItemsModule, NoteCopiesModule, ThreadsModule],
  controllers: [ActivitiesHandlers],
  providers: [ActivitiesService, ActivityFeedRepository, ActivityRecordSyncService],
  exports: [ActivityRecordSyncService],
})
export class ActivitiesModule {}
