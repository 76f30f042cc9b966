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
    await tx.rows(
      `INSERT INTO ${mailboxTables(tx).entries} (account_id, user_id, email_id, folder, sender_email, date, read_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 THEN now() END)
       ON CONFLICT (user_id, email_id) DO NOTHING`,
      [accountId, entry.userId, entry.emailId, entry.folder, entry.senderEmail, entry.date, entry.read],
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
