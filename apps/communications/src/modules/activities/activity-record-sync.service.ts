import { Injectable } from '@nestjs/common';
import type { AttachableType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { NoteCopiesRepository } from '../note-copies/note-copies.repository';
import { ThreadsRepository } from '../threads/threads.repository';

/**
 * What record-sync calls, in the consumer's transaction, so that notes and named threads follow
 * their record as emails, calls and texts do. Idempotent: a second pass finds nothing to move.
 */
@Injectable()
export class ActivityRecordSyncService {
  constructor(
    private readonly notes: NoteCopiesRepository,
    private readonly threads: ThreadsRepository,
  ) {}

  /** Records moves the lead's notes to the contact without note events; threads go along (stars are on the items). */
  async leadConverted(tx: Tx, accountId: number, leadId: number, contactId: number): Promise<void> {
    await this.notes.moveLeadToContact(tx, accountId, leadId, contactId);
    await this.threads.moveLeadToContact(tx, accountId, leadId, contactId);
  }

  /** A deleted record's threads go (their messages stay where they are); its notes are gone in records too. */
  async recordDeleted(tx: Tx, accountId: number, type: AttachableType, id: number): Promise<void> {
    await this.threads.deleteOn(tx, accountId, { type, id });
    await this.notes.deleteOn(tx, accountId, type, id);
  }
}
