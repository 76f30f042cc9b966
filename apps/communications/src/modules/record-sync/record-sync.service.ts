import { Injectable } from '@nestjs/common';
import type { AttachableType, LeadConvertedEvent, RecordChangedEvent } from '@crm/contracts';
import { EventPublisher, Tx } from '@crm/platform';
import { ActivityRecordSyncService } from '../activities/activity-record-sync.service';
import { callEvents, CallChangeSource } from '../calls/call-events';
import { toCallDto } from '../calls/calls.mapper';
import { CallsRepository } from '../calls/calls.repository';
import { EmailRecordLinksService } from '../emails/email-record-links.service';
import { RecordOwnersRepository } from '../record-owners/record-owners.repository';
import { TextMessagesRepository } from '../text-messages/text-messages.repository';

/**
 * Keeps calls, texts and emails consistent with the records they hang on. Every step is written
 * so that applying the same event twice changes nothing more (the inbox dedupes too, but a replay
 * from a restored backup or a new consumer must be harmless as well).
 */
@Injectable()
export class RecordSyncService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly texts: TextMessagesRepository,
    private readonly owners: RecordOwnersRepository,
    private readonly emails: EmailRecordLinksService,
    private readonly events: EventPublisher,
    private readonly activities: ActivityRecordSyncService,
  ) {}

  /** What hung on the lead now hangs on its contact (a second pass finds nothing on the lead). */
  async leadConverted(tx: Tx, event: LeadConvertedEvent): Promise<void> {
    const { accountId, leadId, contactId } = event;
    const dealId = event.dealId ?? null;
    const moved = await this.calls.repointFromLead(tx, accountId, leadId, contactId, dealId);
    await this.texts.repointFromLead(tx, accountId, leadId, contactId, dealId);
    await this.emails.leadConverted(tx, accountId, leadId, contactId);
    await this.activities.leadConverted(tx, accountId, leadId, contactId);
    const changed = dealId === null ? ['resource_type', 'resource_id'] : ['resource_type', 'resource_id', 'associated_deal_ids'];
    await callEvents.updated(this.events, tx, sourceOf(event), moved.map(toCallDto), changed);
  }

  /** A record's owner decides who sees what hangs on it; older versions never win. */
  async ownerChanged(tx: Tx, type: AttachableType, event: RecordChangedEvent, owner: { ownerId: number; updatedAt: Date }): Promise<void> {
    await this.owners.upsertFromEvent(tx, event.accountId, type, event.id, owner.ownerId, owner.updatedAt);
  }

  /**
   * Calls on a deleted record are deleted with it; texts stay, unmatched. A deleted deal also
   * leaves the associated deals of every call and text. Emails lose their link to the record,
   * and an email left without links is deleted.
   */
  async recordDeleted(tx: Tx, type: AttachableType, event: RecordChangedEvent): Promise<void> {
    const { accountId, id } = event;
    const source = sourceOf(event);
    const deleted = await this.calls.deleteAttachedTo(tx, accountId, type, id);
    await callEvents.deleted(this.events, tx, source, deleted);
    if (type === 'deal') {
      const unlinked = await this.calls.removeAssociatedDeal(tx, accountId, id);
      await callEvents.updated(this.events, tx, source, unlinked.map(toCallDto), ['associated_deal_ids']);
      await this.texts.removeAssociatedDeal(tx, accountId, id);
    } else {
      await this.texts.detachFrom(tx, accountId, type, id);
    }
    await this.emails.recordDeleted(tx, accountId, type, id);
    await this.activities.recordDeleted(tx, accountId, type, id);
    await this.owners.forget(tx, accountId, type, id);
  }
}

function sourceOf(event: { accountId: number; actorId: number | null; correlationId?: string }): CallChangeSource {
  return { accountId: event.accountId, actorId: event.actorId ?? null, correlationId: event.correlationId };
}
