import { Injectable } from '@nestjs/common';
import type { TelephonyResource, TextMessageStatus } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface TextMessageRow {
  /** bigserial: pg returns it as a string. */
  id: string;
  account_id: number;
  message_sid: string | null;
  ref: string | null;
  pending: boolean;
  direction: 'inbound' | 'outbound';
  user_id: number | null;
  user_phone_number: string;
  remote_phone_number: string;
  body: string;
  status: TextMessageStatus;
  error_code: string | null;
  error_message: string | null;
  resource_type: 'lead' | 'contact' | null;
  resource_id: number | null;
  in_reply_to: number | null;
  sent_at: Date;
  updated_at: Date;
}

export interface NewTextMessage {
  account_id: number;
  direction: 'inbound' | 'outbound';
  user_id: number | null;
  user_phone_number: string;
  remote_phone_number: string;
  body: string;
  status: TextMessageStatus;
  resource: TelephonyResource | null;
  in_reply_to: number | null;
}

const INSERT_COLUMNS = `account_id, direction, user_id, user_phone_number, remote_phone_number, body, status, resource_type, resource_id, in_reply_to`;

function insertValues(message: NewTextMessage): unknown[] {
  return [
    message.account_id,
    message.direction,
    message.user_id,
    message.user_phone_number,
    message.remote_phone_number,
    message.body,
    message.status,
    message.resource?.resource_type ?? null,
    message.resource?.resource_id ?? null,
    message.in_reply_to,
  ];
}

@Injectable()
export class TextMessagesRepository {
  /** A received message; null when this MessageSid is stored already. */
  async insertReceived(tx: Tx, messageSid: string, message: NewTextMessage): Promise<TextMessageRow | null> {
    const rows = await tx.rows<TextMessageRow>(
      `INSERT INTO telephony.text_messages (${INSERT_COLUMNS}, message_sid)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (message_sid) DO NOTHING RETURNING *`,
      [...insertValues(message), messageSid],
    );
    return rows[0] ?? null;
  }

  /** An outbound message before Twilio is asked: found by `ref` from its status callbacks. */
  async insertPending(tx: Tx, ref: string, message: NewTextMessage): Promise<TextMessageRow> {
    const [row] = await tx.rows<TextMessageRow>(
      `INSERT INTO telephony.text_messages (${INSERT_COLUMNS}, ref, pending)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true) RETURNING *`,
      [...insertValues(message), ref],
    );
    return row;
  }

  /** Twilio refused it: it never existed. */
  async deletePending(tx: Tx, accountId: number, id: string): Promise<void> {
    await tx.rows(`DELETE FROM telephony.text_messages WHERE account_id = $1 AND id = $2 AND pending`, [accountId, id]);
  }

  async lock(tx: Tx, id: string): Promise<TextMessageRow> {
    const [row] = await tx.rows<TextMessageRow>(`SELECT * FROM telephony.text_messages WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  /** The message a status callback is about: by our ref when the callback URL carries one, else by sid. */
  async findForCallback(tx: Tx, ref: string | null, messageSid: string): Promise<TextMessageRow | null> {
    const byRef = ref ? await tx.rows<TextMessageRow>(`SELECT * FROM telephony.text_messages WHERE ref = $1`, [ref]) : [];
    if (byRef[0]) return byRef[0];
    const bySid = await tx.rows<TextMessageRow>(`SELECT * FROM telephony.text_messages WHERE message_sid = $1`, [messageSid]);
    return bySid[0] ?? null;
  }

  async update(
    tx: Tx,
    id: string,
    changes: Partial<Pick<TextMessageRow, 'message_sid' | 'pending' | 'status' | 'error_code' | 'error_message'>>,
  ): Promise<TextMessageRow> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`);
    const [row] = await tx.rows<TextMessageRow>(
      `UPDATE telephony.text_messages SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`,
      [id, ...entries.map(([, value]) => value)],
    );
    return row;
  }

  /** A conversation deleted in the Communication Center: its messages go for good. */
  async deleteBySids(tx: Tx, accountId: number, messageSids: string[]): Promise<number> {
    if (messageSids.length === 0) return 0;
    const rows = await tx.rows(`DELETE FROM telephony.text_messages WHERE account_id = $1 AND message_sid = ANY($2) RETURNING id`, [accountId, messageSids]);
    return rows.length;
  }
}
