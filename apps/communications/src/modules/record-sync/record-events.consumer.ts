import { Injectable, OnModuleInit } from '@nestjs/common';
import { ATTACHABLE_TYPES, RecordChangedEvent, RecordsEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import type { CallChangeSource } from '../calls/call-events';
import { partyPhonesOf } from '../record-phones/party-phones-payload';
import { RecordPhonesService } from '../record-phones/record-phones.service';
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
    private readonly phones: RecordPhonesService,
  ) {}

  onModuleInit(): void {
    const converted = RecordsEvents.leadConverted.converted;
    this.consumer.on(converted, async (event, tx) => {
      assertConversionEvent(event, converted);
      await this.sync.leadConverted(tx, event);
      await this.phones.leadConverted(tx, event.accountId, event.leadId);
    });

    for (const type of ATTACHABLE_TYPES) {
      const subjects = RecordsEvents[type];
      for (const subject of [subjects.created, subjects.updated]) {
        this.consumer.on(subject, async (event, tx) => {
          assertRecordEvent(event, subject);
          await this.sync.ownerChanged(tx, type, event, ownershipOf(event, subject));
          if (type !== 'deal') {
            const record = { resourceType: type, resourceId: event.id };
            await this.phones.recordChanged(tx, sourceOf(event), record, partyPhonesOf(event.data, subject));
          }
        });
      }
      this.consumer.on(subjects.deleted, async (event, tx) => {
        assertRecordEvent(event, subjects.deleted);
        // First: the reported calls and texts go to the next record with their number, not with this one.
        if (type !== 'deal') await this.phones.recordDeleted(tx, sourceOf(event), { resourceType: type, resourceId: event.id });
        await this.sync.recordDeleted(tx, type, event);
      });
    }
  }
}

function sourceOf(event: RecordChangedEvent): CallChangeSource {
  return { accountId: event.accountId, actorId: event.actorId ?? null, correlationId: event.correlationId };
}
