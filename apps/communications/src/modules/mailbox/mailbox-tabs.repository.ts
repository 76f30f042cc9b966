import { Injectable } from '@nestjs/common';
import type { EmailDirection, MailAddress, MailAttachmentMeta, MailboxEmailSource, MailboxFolder, MailboxTab, MailLink } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { firstPageLimit } from '../../common/prepared-reads';
import { MailboxSearch, MailboxTabQuery } from './mailbox-list-query';
import { mailboxTables, recipientAddresses } from './mailbox-tables';
import { PreparedReads } from '../../common/prepared-reads';

/** A page row: the entry, the compact email, its links and, for mail sent from the CRM, its tracking. */
export interface MailboxEmailRow {
  email_id: number;
  folder: MailboxFolder;
  read_at: Date | null;
  archived_at: Date | null;
  date: Date;
  message_id: string;
  direction: EmailDirection;
  source: MailboxEmailSource;
  user_id: number | null;
  subject: string | null;
  text_start: string | null;
  from_address: MailAddress | null;
  to_addresses: MailAddress[];
  cc_addresses: MailAddress[];
  attachments: MailAttachmentMeta[];
  tracked: boolean;
  sent_at: Date | null;
  open_count: number | null;
  last_opened_at: Date | null;
  /** The leads, contacts and deals the email is filed on, by type then id. */
  links: MailLink[];
}

export interface MailboxCountsRow {
  inbox_total: number;
  inbox_unread: number;
  suggested_total: number;
  suggested_unread: number;
  sent_total: number;
  archived_total: number;
}

/** Enough of the text for a snippet, without reading whole bodies. */
const TEXT_START_CHARS = 600;

/**
 * Each tab as a condition on the entry `m` ($1 account, $2 user): each is one partial index
 * (migrations 1700000000300 and 1700000000310), so a page is one index range.
 */
function tabCondition(tab: MailboxTab, ignored: string): string {
  switch (tab) {
    case 'inbox':
      return `m.folder = 'inbox' AND m.archived_at IS NULL AND m.linked`;
    case 'suggested':
      return `m.folder = 'inbox' AND m.archived_at IS NULL AND NOT m.linked
        AND NOT EXISTS (SELECT 1 FROM ${ignored} i WHERE i.account_id = m.account_id AND i.user_id = m.user_id AND i.email = m.sender_email)`;
    case 'sent':
      return `m.folder = 'sent' AND m.archived_at IS NULL`;
    case 'archived':
      return `m.archived_at IS NOT NULL`;
  }
}

/** The Communication Center's reads: a tab's page and the counts, always of one user. */
@Injectable()
export class MailboxTabsRepository {
  constructor(private readonly prepared: PreparedReads) {}

  async page(tx: Tx, accountId: number, userId: number, query: MailboxTabQuery): Promise<MailboxEmailRow[]> {
    const t = mailboxTables(tx);
    const params: unknown[] = [accountId, userId];
    const where = [tabCondition(query.tab, t.ignored)];
    if (query.unread !== undefined) where.push(query.unread ? 'm.read_at IS NULL' : 'm.read_at IS NOT NULL');
    if (query.search) where.push(searchCondition(t, query.search, params));
    // A tab as the Communication Center opens it (first page, no filter) is one plan for every
    // mailbox (walk the tab's index from the newest): a prepared statement. Filters and later
    // pages are planned for their values.
    const opening = query.unread === undefined && !query.search ? firstPageLimit(query) : undefined;
    let window = `LIMIT ${opening}`;
    if (opening === undefined) {
      params.push((query.page - 1) * query.perPage, query.perPage + 1);
      window = `OFFSET $${params.length - 1} LIMIT $${params.length}`;
    }
    // The page is chosen on the entries alone; only its rows are joined to their emails, tracking
    // and links, all in this one statement (one round trip per page).
    const sql = `SELECT m.email_id, m.folder, m.read_at, m.archived_at, m.date,
              e.message_id, e.direction, e.source, e.user_id, e.subject, left(e.text, ${TEXT_START_CHARS}) AS text_start,
              e.from_address, e.to_addresses, e.cc_addresses, e.attachments,
              t.email_id IS NOT NULL AS tracked, t.sent_at, t.open_count, t.last_opened_at,
              coalesce(l.links, '[]') AS links
       FROM (
         SELECT m.* FROM ${t.entries} m
         WHERE m.account_id = $1 AND m.user_id = $2 AND ${where.join(' AND ')}
         ORDER BY m.date DESC, m.email_id DESC
         ${window}
       ) m
       JOIN ${t.emails} e ON e.id = m.email_id
       LEFT JOIN ${t.tracking} t ON t.email_id = m.email_id
       LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object('resource_type', l.resource_type, 'resource_id', l.resource_id) ORDER BY l.resource_type, l.resource_id) AS links
         FROM ${t.links} l WHERE l.email_id = m.email_id AND l.account_id = $1
       ) l ON true
       ORDER BY m.date DESC, m.email_id DESC`;
    return opening === undefined ? tx.rows<MailboxEmailRow>(sql, params) : this.prepared.rows<MailboxEmailRow>(tx, sql, params);
  }

  /**
   * One row the database keeps (migrations 1700000000310 and 1700000000410), whatever the
   * mailbox's size; a user who never had mail has none yet.
   */
  async counts(tx: Tx, accountId: number, userId: number): Promise<MailboxCountsRow> {
    const [row] = await this.prepared.rows<MailboxCountsRow>(
      tx,
      `SELECT inbox_total, inbox_unread, suggested_total, suggested_unread, sent_total, archived_total
       FROM ${mailboxTables(tx).counters} WHERE account_id = $1 AND user_id = $2`,
      [accountId, userId],
    );
    return row ?? { inbox_total: 0, inbox_unread: 0, suggested_total: 0, suggested_unread: 0, sent_total: 0, archived_total: 0 };
  }
}

/**
 * An address matches the sender or any To/Cc recipient (exactly, case-insensitively); words
 * match the subject and text by Postgres full-text search. Either picks the matching emails by
 * their index (the user's entries from the sender, the account's emails to them), then the
 * user's entries among them: a rare address never walks a whole tab.
 */
function searchCondition(t: ReturnType<typeof mailboxTables>, search: MailboxSearch, params: unknown[]): string {
  if ('address' in search) {
    params.push(search.address);
    const n = params.length;
    return `m.email_id IN (
      SELECT s.email_id FROM ${t.entries} s WHERE s.account_id = $1 AND s.user_id = $2 AND s.sender_email = $${n}
      UNION ALL
      SELECT x.id FROM ${t.emails} x WHERE x.account_id = $1 AND ${recipientAddresses('x')} @> jsonb_build_array($${n}::text))`;
  }
  params.push(search.words);
  return `m.email_id IN (
    SELECT x.id FROM ${t.emails} x WHERE x.account_id = $1 AND x.search @@ websearch_to_tsquery('simple', $${params.length}))`;
}
