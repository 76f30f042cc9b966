import { Injectable, OnModuleInit } from '@nestjs/common';
import { ATTACHABLE_TYPES, RecordsEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { assertConversionEvent, assertRecordEvent, ownershipOf } from './record-event-payloads';
import { RecordSyncService } from './record-sync.service';

/**
 * communications' subscriptions to records' events. The platform runs each in a transaction with
 * its inbox row and acknowledges after commit; errors propagate so that JetStream redelivers.
 */
@Injectable()
export class RecordEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly sync: RecordSyncService,
  ) {}

  onModuleInit(): void {
    const converted = RecordsEvents.leadConverted.converted;
    this.consumer.on(converted, async (event, tx) => {
      assertConversionEvent(event, converted);
      await this.sync.leadConverted(tx, event);
    });

    for (const type of ATTACHABLE_TYPES) {
      const subjects = RecordsEvents[type];
      for (const subject of [subjects.created, subjects.updated]) {
        this.consumer.on(subject, async (event, tx) => {
          assertRecordEvent(event, subject);
          await this.sync.ownerChanged(tx, type, event, ownershipOf(event, subject));
        });
      }
      this.consumer.on(subjects.deleted, async (event, tx) => {
        assertRecordEvent(event, subjects.deleted);
        await this.sync.recordDeleted(tx, type, event);
      });
    }
  }
}
