import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { phoneTables } from '../record-phones/phone-tables';

/** A deleted message: what telephony needs to delete its copy. */
export interface DeletedTextMessage {
  sid: string | null;
  user_phone_number: string;
}

/** A user's text messages: read state and conversations. Every statement is scoped to one account and user. */
@Injectable()
export class TextConversationsRepository {
  /** Those of `ids` that are this user's messages, locked until the transaction ends. */
  async lockOwned(tx: Tx, accountId: number, userId: number, ids: number[]): Promise<number[]> {
    const rows = await tx.rows<{ id: number }>(
      `SELECT id FROM ${phoneTables(tx).texts} WHERE account_id = $1 AND user_id = $2 AND id = ANY($3::int[]) ORDER BY id FOR UPDATE`,
      [accountId, userId, ids],
    );
    return rows.map((row) => row.id);
  }

  /** Only received messages have a read state; read keeps the first time it was read. */
  async setRead(tx: Tx, accountId: number, userId: number, ids: number[], read: boolean): Promise<void> {
    await tx.rows(
      `UPDATE ${phoneTables(tx).texts} SET read_at = CASE WHEN $4 THEN coalesce(read_at, now()) END
       WHERE account_id = $1 AND user_id = $2 AND id = ANY($3::int[]) AND incoming`,
      [accountId, userId, ids, read],
    );
  }

  /**
   * Delete every message between the user and the number. Stars and thread items go with them
   * (their foreign keys cascade), and nothing else in communications refers to a message.
   */
  async deleteConversation(tx: Tx, accountId: number, userId: number, remoteE164: string): Promise<DeletedTextMessage[]> {
    return tx.rows<DeletedTextMessage>(
      `DELETE FROM ${phoneTables(tx).texts} WHERE account_id = $1 AND user_id = $2 AND remote_phone_e164 = $3
       RETURNING sid, coalesce(user_phone_e164, user_phone_number) AS user_phone_number`,
      [accountId, userId, remoteE164],
    );
  }
}
