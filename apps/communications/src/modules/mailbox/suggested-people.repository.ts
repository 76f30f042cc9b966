import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { firstPageLimit } from '../../common/prepared-reads';
import { SuggestedPeopleQuery } from './mailbox-list-query';
import { mailboxTables, recipientAddresses, senderAddress } from './mailbox-tables';
import { PreparedReads } from '../../common/prepared-reads';

export interface SuggestedPersonRow {
  email: string;
  message_count: number;
  unread_count: number;
  last_email_id: number;
  last_subject: string | null;
  last_date: Date;
  name: string | null;
}

/** What a user's mailbox knows of a sender named in an action. */
export interface SenderState {
  email: string;
  /** Sent the user at least one email (in their inbox, archived or not). */
  known: boolean;
  /** Some of those emails are on no lead or contact yet. */
  unfiled: boolean;
  ignored: boolean;
  /** The latest display name the sender used. */
  name: string | null;
}

/** Suggested people: a user's unfiled inbox grouped by sender, the senders they ignore, and filing a sender's mail. */
@Injectable()
export class SuggestedPeopleRepository {
  constructor(private readonly prepared: PreparedReads) {}

  async page(tx: Tx, accountId: number, userId: number, query: SuggestedPeopleQuery): Promise<SuggestedPersonRow[]> {
    const t = mailboxTables(tx);
    const params: unknown[] = [accountId, userId];
    let matching = '';
    if (query.contains !== undefined) {
      params.push(`%${query.contains.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
      matching = `AND (s.sender_email ILIKE $3 OR EXISTS (
        SELECT 1 FROM ${t.entries} m JOIN ${t.emails} e ON e.id = m.email_id
        WHERE m.account_id = $1 AND m.user_id = $2 AND m.sender_email = s.sender_email AND e.from_address ->> 'name' ILIKE $3))`;
    }
    // The list as the Communication Center opens it (first page, no search): a prepared
    // statement, one plan for every user (see PreparedReads).
    const opening = query.contains === undefined ? firstPageLimit(query) : undefined;
    let window = `LIMIT ${opening}`;
    if (opening === undefined) {
      params.push((query.page - 1) * query.perPage, query.perPage + 1);
      window = `OFFSET $${params.length - 1} LIMIT $${params.length}`;
    }
    // The grouping is kept by the database (mailbox_senders, with whether the user ignores the
    // sender): a page is one range of the mailbox_senders_shown index.
    const sql = `WITH people AS (
         SELECT s.sender_email AS email, s.messages AS message_count, s.unread AS unread_count, s.last_date, s.last_email_id
         FROM ${t.senders} s
         WHERE s.account_id = $1 AND s.user_id = $2 AND s.messages > 0 AND NOT s.ignored
           ${matching}
         ORDER BY s.last_date DESC, s.sender_email
         ${window}
       )
       SELECT p.*, e.subject AS last_subject,
              coalesce(nullif(e.from_address ->> 'name', ''), ${latestName(t, 'p.email')}) AS name
       FROM people p JOIN ${t.emails} e ON e.id = p.last_email_id
       ORDER BY p.last_date DESC, p.email`;
    return opening === undefined ? tx.rows<SuggestedPersonRow>(sql, params) : this.prepared.rows<SuggestedPersonRow>(tx, sql, params);
  }

  async senderStates(tx: Tx, accountId: number, userId: number, emails: string[]): Promise<SenderState[]> {
    const t = mailboxTables(tx);
    const inbox = `FROM ${t.entries} m WHERE m.account_id = $1 AND m.user_id = $2 AND m.folder = 'inbox' AND m.sender_email = s.email`;
    return tx.rows<SenderState>(
      `SELECT s.email,
              EXISTS (SELECT 1 ${inbox}) AS known,
              EXISTS (SELECT 1 ${inbox} AND NOT m.linked) AS unfiled,
              EXISTS (SELECT 1 FROM ${t.ignored} i WHERE i.account_id = $1 AND i.user_id = $2 AND i.email = s.email) AS ignored,
              ${latestName(t, 's.email')} AS name
       FROM unnest($3::text[]) WITH ORDINALITY AS s(email, position)
       ORDER BY s.position`,
      [accountId, userId, emails],
    );
  }

  async ignore(tx: Tx, accountId: number, userId: number, emails: string[]): Promise<void> {
    await tx.rows(
      `INSERT INTO ${mailboxTables(tx).ignored} (account_id, user_id, email) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
      [accountId, userId, emails],
    );
  }

  async unignore(tx: Tx, accountId: number, userId: number, emails: string[]): Promise<void> {
    await tx.rows(`DELETE FROM ${mailboxTables(tx).ignored} WHERE account_id = $1 AND user_id = $2 AND email = ANY($3::text[])`, [
      accountId,
      userId,
      emails,
    ]);
  }

  /**
   * A person's past emails, to be filed on their new record: every email of the account they
   * sent, and the mail this user sent them.
   */
  async emailsExchangedWith(tx: Tx, accountId: number, userId: number, email: string): Promise<number[]> {
    const t = mailboxTables(tx);
    const rows = await tx.rows<{ id: number }>(
      `SELECT e.id FROM ${t.emails} e WHERE e.account_id = $1 AND ${senderAddress('e')} = $3
       UNION
       SELECT m.email_id FROM ${t.entries} m JOIN ${t.emails} e ON e.id = m.email_id
       WHERE m.account_id = $1 AND m.user_id = $2 AND m.folder = 'sent'
         AND e.account_id = $1 AND ${recipientAddresses('e')} @> jsonb_build_array($3::text)`,
      [accountId, userId, email],
    );
    return rows.map((row) => row.id);
  }

  /** File emails on a record (call with the emails locked); the ids that were not on it yet. */
  async link(tx: Tx, accountId: number, emailIds: number[], type: 'lead' | 'contact', id: number): Promise<number[]> {
    if (emailIds.length === 0) return [];
    const rows = await tx.rows<{ email_id: number }>(
      `INSERT INTO ${mailboxTables(tx).links} (email_id, account_id, resource_type, resource_id)
       SELECT unnest($2::int[]), $1, $3, $4
       ON CONFLICT DO NOTHING
       RETURNING email_id`,
      [accountId, emailIds, type, id],
    );
    return rows.map((row) => row.email_id);
  }
}

/**
 * The latest display name `sender` used in the user's ($1, $2) inbox, among their most recent
 * messages only: a sender who never gives one (noreply@...) costs a short scan, not all their mail.
 */
function latestName(t: ReturnType<typeof mailboxTables>, sender: string): string {
  return `(SELECT recent.name FROM (
             SELECT ne.from_address ->> 'name' AS name, n.date, n.email_id FROM ${t.entries} n JOIN ${t.emails} ne ON ne.id = n.email_id
             WHERE n.account_id = $1 AND n.user_id = $2 AND n.sender_email = ${sender} AND n.folder = 'inbox'
             ORDER BY n.date DESC, n.email_id DESC LIMIT 20
           ) recent WHERE coalesce(recent.name, '') <> '' ORDER BY recent.date DESC, recent.email_id DESC LIMIT 1)`;
}
