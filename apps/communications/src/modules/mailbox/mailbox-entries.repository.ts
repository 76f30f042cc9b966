import { Injectable } from '@nestjs/common';
import type { MailboxFolder } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { mailboxTables } from './mailbox-tables';

export interface NewMailboxEntry {
  userId: number;
  emailId: number;
  folder: MailboxFolder;
  /** Lower-cased From address. */
  senderEmail: string | null;
  date: Date;
  /** Mail the user sent is read from the start. */
  read: boolean;
}

/** Writes of a user's mailbox entries: filing, read state, archiving. Every statement is scoped to one account and user. */
@Injectable()
export class MailboxEntriesRepository {
  /** Idempotent: an email already in the user's mailbox keeps its entry (and its read and archived state). */
  async add(tx: Tx, accountId: number, entry: NewMailboxEntry): Promise<void> {
    await this.addMany(tx, [{ ...entry, accountId }]);
  }

  /** `add` for many entries (of any accounts and users) in one statement. */
  async addMany(tx: Tx, entries: (NewMailboxEntry & { accountId: number })[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.rows(
      `INSERT INTO ${mailboxTables(tx).entries} (account_id, user_id, email_id, folder, sender_email, date, read_at)
       SELECT e.account_id, e.user_id, e.email_id, e.folder, e.sender_email, e.date, CASE WHEN e.read THEN now() END
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[])
         AS e(account_id, user_id, email_id, folder, sender_email, date, read)
       ON CONFLICT (user_id, email_id) DO NOTHING`,
      [
        entries.map((e) => e.accountId),
        entries.map((e) => e.userId),
        entries.map((e) => e.emailId),
        entries.map((e) => e.folder),
        entries.map((e) => e.senderEmail),
        entries.map((e) => e.date),
        entries.map((e) => e.read),
      ],
    );
  }

  /** Those of `emailIds` that are entries of this user, locked until the transaction ends. */
  async lockOwned(tx: Tx, accountId: number, userId: number, emailIds: number[]): Promise<number[]> {
    const rows = await tx.rows<{ email_id: number }>(
      `SELECT email_id FROM ${mailboxTables(tx).entries}
       WHERE account_id = $1 AND user_id = $2 AND email_id = ANY($3::int[])
       ORDER BY email_id FOR UPDATE`,
      [accountId, userId, emailIds],
    );
    return rows.map((row) => row.email_id);
  }

  /** Read keeps the first time it was read; unread clears it. */
  async setRead(tx: Tx, accountId: number, userId: number, emailIds: number[], read: boolean): Promise<void> {
    await tx.rows(
      `UPDATE ${mailboxTables(tx).entries} SET read_at = CASE WHEN $4 THEN coalesce(read_at, now()) END
       WHERE account_id = $1 AND user_id = $2 AND email_id = ANY($3::int[])`,
      [accountId, userId, emailIds, read],
    );
  }

  async setArchived(tx: Tx, accountId: number, userId: number, emailIds: number[], archived: boolean): Promise<void> {
    await tx.rows(
      `UPDATE ${mailboxTables(tx).entries} SET archived_at = CASE WHEN $4 THEN coalesce(archived_at, now()) END
       WHERE account_id = $1 AND user_id = $2 AND email_id = ANY($3::int[])`,
      [accountId, userId, emailIds, archived],
    );
  }
}
