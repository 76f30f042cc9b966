import { Module } from '@nestjs/common';
import { RecordOwnersModule } from '../record-owners/record-owners.module';
import { ActivityItemsRepository } from './activity-items.repository';
import { RecordVisibility } from './record-visibility.service';

/** Where emails, calls, texts and notes are, and who may see them and their records: for stars, threads and the feed. */
@Module({
  imports: [RecordOwnersModule],
  providers: [ActivityItemsRepository, RecordVisibility],
  exports: [ActivityItemsRepository, RecordVisibility],
})
export class ActivityItemsModule {}
