import { Injectable } from '@nestjs/common';
import type { ListQuery, MailAttachmentMeta } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import type { ViewerScope } from '../records-access/records-access.service';
import type { EmailResourceFilter } from './email-list-filter';
import { restrictEmailsToViewer } from './email-visibility';
import { EmailLinkEntity } from './entities/email-link.entity';
import { EmailEntity } from './entities/email.entity';
import { tableOf } from './table-name';

export const EMAIL_LIST_SPEC: ListSpec = {
  resource: 'email',
  // Newest first, as the Communication Center shows them; the id breaks ties.
  defaultSort: { field: 'date', direction: 'desc' },
  sortable: { date: 'e.date', id: 'e.id', created_at: 'e.created_at', updated_at: 'e.updated_at' },
  // The indexes (account_id, date DESC, id DESC) and (account_id, id) serve these orders.
  notNullSorts: ['date', 'created_at', 'updated_at'],
  filters: { direction: { column: 'e.direction', kind: 'enum', values: ['sent', 'received'] } },
};

export type EmailFields = Omit<EmailEntity, 'id' | 'account_id' | 'created_at' | 'updated_at'>;

const COLUMNS = [
  'message_id', 'ingest_id', 'source', 'direction', 'user_id', 'forwarded', 'subject', 'text', 'html', 'body_truncated',
  'from_address', 'to_addresses', 'cc_addresses', 'date', 'in_reply_to', 'reference_ids', 'attachments',
] as const satisfies readonly (keyof EmailFields)[];
/** How `upsertMany` reads each column from its JSON rows. */
const COLUMN_TYPES: Record<(typeof COLUMNS)[number], string> = {
  message_id: 'text', ingest_id: 'int', source: 'text', direction: 'text', user_id: 'int', forwarded: 'boolean', subject: 'text',
  text: 'text', html: 'text', body_truncated: 'boolean', from_address: 'jsonb', to_addresses: 'jsonb', cc_addresses: 'jsonb',
  date: 'timestamptz', in_reply_to: 'text', reference_ids: 'text[]', attachments: 'jsonb',
};

@Injectable()
export class EmailsRepository {
  async list(tx: Tx, accountId: number, query: ListQuery, resource: EmailResourceFilter | null, viewer: ViewerScope) {
    const qb = this.query(tx, accountId, viewer);
    if (resource) {
      const linked = qb
        .subQuery()
        .select('1')
        .from(EmailLinkEntity, 'fl')
        .where('fl.email_id = e.id AND fl.account_id = e.account_id')
        .andWhere('fl.resource_type = :linkType AND fl.resource_id = ANY(:linkIds)')
        .getQuery();
      qb.andWhere(`EXISTS ${linked}`, { linkType: resource.type, linkIds: resource.ids });
    }
    return toPage(await applyListQuery(qb, 'e', query, EMAIL_LIST_SPEC).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number, viewer: ViewerScope): Promise<EmailEntity | null> {
    return this.query(tx, accountId, viewer).andWhere('e.id = :id', { id }).getOne();
  }

  /**
   * Insert each email, or find the one with its Message-ID, locked until the transaction ends: a
   * concurrent copy of the same message waits here, so merges never interleave. Rows are written
   * in (account, Message-ID) order, the same for every writer, so two batches never deadlock. The
   * no-op update is what takes the lock and returns the row in the same statement. One row per
   * account and Message-ID; the result is in the order of `emails`.
   */
  async upsertMany(tx: Tx, emails: { accountId: number; fields: EmailFields }[]): Promise<{ email: EmailEntity; inserted: boolean }[]> {
    if (emails.length === 0) return [];
    const rows = await tx.rows<EmailEntity & { inserted: boolean }>(
      `INSERT INTO ${tableOf(tx, EmailEntity)} AS e (account_id, ${COLUMNS.join(', ')})
       SELECT r.account_id, ${COLUMNS.map((column) => `r.${column}`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS r(account_id int, ${COLUMNS.map((column) => `${column} ${COLUMN_TYPES[column]}`).join(', ')})
       ORDER BY r.account_id, r.message_id
       ON CONFLICT (account_id, message_id) DO UPDATE SET account_id = e.account_id
       RETURNING e.*, (xmax = 0) AS inserted`,
      [JSON.stringify(emails.map(({ accountId, fields }) => ({ account_id: accountId, ...fields })))],
    );
    const byKey = new Map(rows.map(({ inserted, ...email }) => [`${email.account_id} ${email.message_id}`, { email: Object.assign(new EmailEntity(), email), inserted }]));
    return emails.map(({ accountId, fields }) => byKey.get(`${accountId} ${fields.message_id}`)!);
  }

  /** After another copy of a stored message: its merged attachments, and a new `updated_at`. */
  async setAttachments(tx: Tx, accountId: number, id: number, attachments: MailAttachmentMeta[]): Promise<void> {
    await tx.rows(`UPDATE ${tableOf(tx, EmailEntity)} SET attachments = $3::jsonb, updated_at = now() WHERE account_id = $1 AND id = $2`, [
      accountId,
      id,
      JSON.stringify(attachments),
    ]);
  }

  async touch(tx: Tx, accountId: number, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.rows(`UPDATE ${tableOf(tx, EmailEntity)} SET updated_at = now() WHERE account_id = $1 AND id = ANY($2)`, [accountId, ids]);
  }

  /**
   * Lock emails (in id order, the same for every writer) before their links change, so that a
   * copy of the message being filed at the same moment waits instead of deadlocking.
   */
  async lock(tx: Tx, accountId: number, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.rows(`SELECT id FROM ${tableOf(tx, EmailEntity)} WHERE account_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE`, [accountId, ids]);
  }

  /**
   * Delete those of `ids` that have no link left and are in no user's mailbox (there they stay,
   * back among Suggested people); the ids deleted. Call with the rows locked: this statement
   * then sees every link committed before the lock was granted.
   */
  async deleteUnlinked(tx: Tx, accountId: number, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await tx.rows<{ id: number }>(
      `DELETE FROM ${tableOf(tx, EmailEntity)} e
       WHERE e.account_id = $1 AND e.id = ANY($2)
         AND NOT EXISTS (SELECT 1 FROM ${tableOf(tx, EmailLinkEntity)} l WHERE l.email_id = e.id)
         AND NOT EXISTS (SELECT 1 FROM "${tx.manager.connection.driver.schema}".mailbox_entries m WHERE m.email_id = e.id)
       RETURNING e.id`,
      [accountId, ids],
    );
    return rows.map((row) => row.id);
  }

  private query(tx: Tx, accountId: number, viewer: ViewerScope) {
    const qb = tx.manager.getRepository(EmailEntity).createQueryBuilder('e').where('e.account_id = :accountId', { accountId });
    return restrictEmailsToViewer(qb, 'e', viewer);
  }
}
