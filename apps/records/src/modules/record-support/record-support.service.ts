import { Injectable } from '@nestjs/common';
import type { Actor, RecordResourceType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { CustomFieldsService } from '../custom-fields/custom-fields.service';
import { NamedItemsService } from '../named-items/named-items.service';
import { UsersService } from '../users/users.service';

interface TaggedRecord {
  owner_id: number;
  tags: string[];
  custom_fields: Record<string, unknown>;
}

/** Rules every lead, contact and deal write follows: a valid owner, known tags, typed custom fields. */
@Injectable()
export class RecordSupportService {
  constructor(
    private readonly users: UsersService,
    private readonly namedItems: NamedItemsService,
    private readonly customFields: CustomFieldsService,
  ) {}

  /**
   * Check what the write changes on `record` (already carrying the new owner and tags) and merge
   * the sent custom field values into it.
   */
  async prepare(
    tx: Tx,
    actor: Actor,
    resourceType: RecordResourceType,
    record: TaggedRecord,
    sent: { owner_id?: number; tags?: string[]; custom_fields?: Record<string, unknown> },
  ): Promise<void> {
    // The acting user was checked active when their token was verified.
    if (sent.owner_id !== undefined && sent.owner_id !== actor.userId) {
      await this.users.assertActiveUsers(tx, actor.accountId, resourceType, 'owner_id', [sent.owner_id]);
    }
    if (sent.custom_fields) {
      record.custom_fields = await this.customFields.merge(tx, actor.accountId, resourceType, record.custom_fields, sent.custom_fields);
    }
    if (sent.tags && record.tags.length > 0) await this.namedItems.ensureTags(tx, actor, resourceType, record.tags);
  }

  assertSource(tx: Tx, accountId: number, kind: 'lead_source' | 'deal_source', id: number, resource: string) {
    return this.namedItems.assertExists(tx, accountId, kind, id, resource, 'source_id');
  }

  assertLossReason(tx: Tx, accountId: number, id: number) {
    return this.namedItems.assertExists(tx, accountId, 'loss_reason', id, 'deal', 'loss_reason_id');
  }
}
