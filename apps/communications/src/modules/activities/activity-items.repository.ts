import { Injectable } from '@nestjs/common';
import type { ActivityType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { CallEntity } from '../calls/entities/call.entity';
import { EmailLinkEntity } from '../emails/entities/email-link.entity';
import { EmailEntity } from '../emails/entities/email.entity';
import { tableOf } from '../emails/table-name';
import { NoteCopyEntity } from '../note-copies/entities/note-copy.entity';
import { RecordOwnerEntity } from '../record-owners/entities/record-owner.entity';
import type { ViewerScope } from '../records-access/records-access.service';
import { TextMessageEntity } from '../text-messages/entities/text-message.entity';
import type { ItemRef, RecordRef } from './item-columns';

interface ItemSource {
  /** The item's table. */
  table: (tx: Tx) => string;
  /** The column of the user who sent, made or forwarded it; notes have none (records' rule: the record decides). */
  userColumn: string | null;
  /** SQL listing the records (`resource_type`, `resource_id`) item `$2` of account `$1` is on. */
  records: (tx: Tx) => string;
}

/** A call or text is on its record and on the deals it is associated with. */
function attachedRecords(table: string): string {
  return `SELECT i.resource_type, i.resource_id FROM ${table} i WHERE i.account_id = $1 AND i.id = $2 AND i.resource_id IS NOT NULL
          UNION SELECT 'deal', d.id FROM ${table} i, unnest(i.associated_deal_ids) AS d(id) WHERE i.account_id = $1 AND i.id = $2`;
}

const SOURCES: Readonly<Record<ActivityType, ItemSource>> = {
  email: {
    table: (tx) => tableOf(tx, EmailEntity),
    userColumn: 'user_id',
    records: (tx) => `SELECT l.resource_type, l.resource_id FROM ${tableOf(tx, EmailLinkEntity)} l WHERE l.account_id = $1 AND l.email_id = $2`,
  },
  call: { table: (tx) => tableOf(tx, CallEntity), userColumn: 'user_id', records: (tx) => attachedRecords(tableOf(tx, CallEntity)) },
  text_message: {
    table: (tx) => tableOf(tx, TextMessageEntity),
    userColumn: 'user_id',
    records: (tx) => attachedRecords(tableOf(tx, TextMessageEntity)),
  },
  note: {
    table: (tx) => tableOf(tx, NoteCopyEntity),
    userColumn: null,
    records: (tx) => `SELECT n.resource_type, n.resource_id FROM ${tableOf(tx, NoteCopyEntity)} n WHERE n.account_id = $1 AND n.id = $2`,
  },
};

/**
 * Where emails, calls, texts and notes are and who may see them, by one rule for all four:
 * a user who sees the whole account sees every item; any other user sees their own items and
 * the items on the leads, contacts and deals they own (README, "Visibility").
 */
@Injectable()
export class ActivityItemsRepository {
  /** Whether the item exists in the account and the viewer may see it. */
  async isVisible(tx: Tx, accountId: number, item: ItemRef, viewer: ViewerScope): Promise<boolean> {
    const source = SOURCES[item.type];
    const own = source.userColumn ? `x.${source.userColumn} = $3` : 'false';
    const rows = await tx.rows(
      `SELECT 1 FROM ${source.table(tx)} x
       WHERE x.account_id = $1 AND x.id = $2
         AND ($3::int IS NULL OR ${own} OR EXISTS (
           SELECT 1 FROM (${source.records(tx)}) r
           JOIN ${tableOf(tx, RecordOwnerEntity)} ro
             ON ro.account_id = $1 AND ro.resource_type = r.resource_type AND ro.resource_id = r.resource_id
           WHERE ro.owner_id = $3))`,
      [accountId, item.id, viewer],
    );
    return rows.length > 0;
  }

  /** Whether the item is on (filed on, attached or associated to) the record. */
  async isOn(tx: Tx, accountId: number, item: ItemRef, record: RecordRef): Promise<boolean> {
    const rows = await tx.rows(`SELECT 1 FROM (${SOURCES[item.type].records(tx)}) r WHERE r.resource_type = $3 AND r.resource_id = $4`, [
      accountId,
      item.id,
      record.type,
      record.id,
    ]);
    return rows.length > 0;
  }

  /** The owner of a lead, contact or deal in the copy fed by records' events; null when unknown. */
  async ownerOf(tx: Tx, accountId: number, record: RecordRef): Promise<number | null> {
    const [row] = await tx.rows<{ owner_id: number }>(
      `SELECT owner_id FROM ${tableOf(tx, RecordOwnerEntity)} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3`,
      [accountId, record.type, record.id],
    );
    return row?.owner_id ?? null;
  }
}
