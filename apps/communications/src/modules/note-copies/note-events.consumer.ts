import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecordsEvents } from '@crm/contracts';
import { EventConsumer } from '@crm/platform';
import { assertNoteEvent } from './note-event-payloads';
import { NoteCopiesRepository } from './note-copies.repository';

/**
 * Keeps the copy of records' notes. The platform runs each handler in a transaction with its
 * inbox row and acknowledges after commit; errors propagate so that JetStream redelivers.
 */
@Injectable()
export class NoteEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly notes: NoteCopiesRepository,
  ) {}

  onModuleInit(): void {
    const { created, updated, deleted } = RecordsEvents.note;
    for (const subject of [created, updated]) {
      this.consumer.on(subject, async (event, tx) => {
        assertNoteEvent(event, subject, true);
        await this.notes.upsert(tx, event.accountId, event.data!);
      });
    }
    this.consumer.on(deleted, async (event, tx) => {
      assertNoteEvent(event, deleted, false);
      await this.notes.delete(tx, event.accountId, event.id);
    });
  }
}
