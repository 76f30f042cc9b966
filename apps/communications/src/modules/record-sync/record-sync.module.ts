import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { CallsModule } from '../calls/calls.module';
import { EmailsModule } from '../emails/emails.module';
import { RecordOwnersModule } from '../record-owners/record-owners.module';
import { RecordPhonesModule } from '../record-phones/record-phones.module';
import { TextMessagesModule } from '../text-messages/text-messages.module';
import { RecordEventsConsumer } from './record-events.consumer';
import { RecordSyncService } from './record-sync.service';

@Module({
  imports: [CallsModule, TextMessagesModule, RecordOwnersModule, EmailsModule, ActivitiesModule, RecordPhonesModule],
  providers: [RecordSyncService, RecordEventsConsumer],
})
export class RecordSyncModule {}
