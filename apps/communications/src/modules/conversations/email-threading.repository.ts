import { Injectable } from '@nestjs/common';
import type { MailAddress } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { EmailEntity } from '../emails/entities/email.entity';
import { tableOf } from '../emails/table-name';

/** What the threading pass reads of an email. */
export interface UnthreadedEmail {
  id: number;
  account_id: number;
  message_id: string;
  in_reply_to: string | null;
  reference_ids: string[];
  subject: string | null;
  from_address: MailAddress | null;
  to_addresses: MailAddress[];
  cc_addresses: MailAddress[];
  date: Date;
}

/** The threading pass's reads and writes on `emails.conversation_id` (the column is this module's). */
@Injectable()
export class EmailThreadingRepository {
  /**
   * Emails without a conversation, locked until the transaction ends; rows another replica has
   * leased are skipped, so replicas share the work.
   */
  leaseUnthreaded(tx: Tx, limit: number): Promise<UnthreadedEmail[]> {
    return tx.rows<UnthreadedEmail>(
      `SELECT id, account_id, message_id, in_reply_to, reference_ids, subject, from_address, to_addresses, cc_addresses, date
       FROM ${tableOf(tx, EmailEntity)} WHERE conversation_id IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** The conversations of the emails with these Message-IDs (those that have one), by Message-ID. */
  async conversationsByMessageId(tx: Tx, accountId: number, messageIds: string[]): Promise<Map<string, number>> {
    if (messageIds.length === 0) return new Map();
    const rows = await tx.rows<{ message_id: string; conversation_id: number }>(
      `SELECT message_id, conversation_id FROM ${tableOf(tx, EmailEntity)}
       WHERE account_id = $1 AND message_id = ANY($2) AND conversation_id IS NOT NULL`,
      [accountId, messageIds],
    );
    return new Map(rows.map((row) => [row.message_id, row.conversation_id]));
  }

  /** The conversations of emails that name this Message-ID as their parent or in their References (a late parent). */
  async conversationsReferencing(tx: Tx, accountId: number, messageId: string): Promise<number[]> {
    const rows = await tx.rows<{ conversation_id: number }>(
      `SELECT DISTINCT conversation_id FROM ${tableOf(tx, EmailEntity)}
       WHERE account_id = $1 AND conversation_id IS NOT NULL AND (in_reply_to = $2 OR reference_ids @> ARRAY[$2::text])
       ORDER BY conversation_id`,
      [accountId, messageId],
    );
    return rows.map((row) => row.conversation_id);
  }

  async assign(tx: Tx, accountId: number, emailIds: number[], conversationId: number): Promise<void> {
    await tx.rows(`UPDATE ${tableOf(tx, EmailEntity)} SET conversation_id = $3 WHERE account_id = $1 AND id = ANY($2)`, [
      accountId,
      emailIds,
      conversationId,
    ]);
  }

  /** Move every email of `from` into `to`. */
  async moveAll(tx: Tx, accountId: number, from: number[], to: number): Promise<void> {
    await tx.rows(`UPDATE ${tableOf(tx, EmailEntity)} SET conversation_id = $3 WHERE account_id = $1 AND conversation_id = ANY($2)`, [
      accountId,
      from,
      to,
    ]);
  }

  /** How many emails (visible or not) the conversation holds. */
  async count(tx: Tx, accountId: number, conversationId: number): Promise<number> {
    const [row] = await tx.rows<{ count: string }>(
      `SELECT count(*) AS count FROM ${tableOf(tx, EmailEntity)} WHERE account_id = $1 AND conversation_id = $2`,
      [accountId, conversationId],
    );
    return Number(row.count);
  }
}
