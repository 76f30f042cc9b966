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

  /** Message-ID → conversation, of the stored emails with these Message-IDs that have one. */
  async conversationsByMessageId(tx: Tx, accountId: number, messageIds: string[]): Promise<Map<string, number>> {
    if (messageIds.length === 0) return new Map();
    const rows = await tx.rows<{ message_id: string; conversation_id: number }>(
      `SELECT message_id, conversation_id FROM ${tableOf(tx, EmailEntity)}
       WHERE account_id = $1 AND message_id = ANY($2) AND conversation_id IS NOT NULL`,
      [accountId, messageIds],
    );
    return new Map(rows.map((row) => [row.message_id, row.conversation_id]));
  }

  /** Stored emails with a conversation that name any of these Message-IDs (In-Reply-To or References), and which they name. */
  async repliesTo(tx: Tx, accountId: number, messageIds: string[]): Promise<{ conversationId: number; names: string[] }[]> {
    if (messageIds.length === 0) return [];
    const rows = await tx.rows<{ conversation_id: number; names: string[] }>(
      `SELECT conversation_id, ARRAY(SELECT DISTINCT n FROM unnest(array_prepend(in_reply_to, reference_ids)) AS n WHERE n = ANY($2)) AS names
       FROM ${tableOf(tx, EmailEntity)}
       WHERE account_id = $1 AND conversation_id IS NOT NULL AND (in_reply_to = ANY($2) OR reference_ids && $2::text[])`,
      [accountId, messageIds],
    );
    return rows.map((row) => ({ conversationId: row.conversation_id, names: row.names }));
  }

  /** Give each email its conversation (`conversationIds[i]` for `emailIds[i]`). */
  async assignEach(tx: Tx, accountId: number, emailIds: number[], conversationIds: number[]): Promise<void> {
    if (emailIds.length === 0) return;
    await tx.rows(
      `UPDATE ${tableOf(tx, EmailEntity)} e SET conversation_id = v.conversation_id
       FROM unnest($2::int[], $3::int[]) AS v(email_id, conversation_id)
       WHERE e.account_id = $1 AND e.id = v.email_id`,
      [accountId, emailIds, conversationIds],
    );
  }

  /** Move the emails of conversation `from[i]` to `to[i]`. */
  async moveEach(tx: Tx, accountId: number, from: number[], to: number[]): Promise<void> {
    if (from.length === 0) return;
    await tx.rows(
      `UPDATE ${tableOf(tx, EmailEntity)} e SET conversation_id = v.to_id
       FROM unnest($2::int[], $3::int[]) AS v(from_id, to_id)
       WHERE e.account_id = $1 AND e.conversation_id = v.from_id`,
      [accountId, from, to],
    );
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
