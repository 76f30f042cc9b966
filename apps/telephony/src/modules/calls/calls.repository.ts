import { Injectable } from '@nestjs/common';
import type { CallStatus, TelephonyResource } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface CallRow {
  /** bigserial: pg returns it as a string. */
  id: string;
  account_id: number;
  call_sid: string | null;
  ref: string | null;
  pending: boolean;
  direction: 'inbound' | 'outbound';
  user_id: number | null;
  user_phone_number: string;
  remote_phone_number: string;
  user_own_phone_number: string | null;
  status: CallStatus;
  missed: boolean;
  voicemail: boolean;
  duration: number;
  recording_id: string | null;
  resource_type: 'lead' | 'contact' | null;
  resource_id: number | null;
  started_at: Date;
  updated_at: Date;
}

export interface NewCall {
  account_id: number;
  direction: 'inbound' | 'outbound';
  user_id: number;
  user_phone_number: string;
  remote_phone_number: string;
  user_own_phone_number: string | null;
  status: CallStatus;
  missed: boolean;
  voicemail: boolean;
  resource: TelephonyResource | null;
}

export type CallChanges = Partial<Pick<CallRow, 'call_sid' | 'pending' | 'status' | 'missed' | 'voicemail' | 'duration' | 'recording_id'>>;

const INSERT_COLUMNS = `account_id, direction, user_id, user_phone_number, remote_phone_number, user_own_phone_number, status, missed, voicemail, resource_type, resource_id`;

function insertValues(call: NewCall): unknown[] {
  return [
    call.account_id,
    call.direction,
    call.user_id,
    call.user_phone_number,
    call.remote_phone_number,
    call.user_own_phone_number,
    call.status,
    call.missed,
    call.voicemail,
    call.resource?.resource_type ?? null,
    call.resource?.resource_id ?? null,
  ];
}

@Injectable()
export class CallsRepository {
  /** An inbound call; null when this CallSid is stored already. */
  async insertInbound(tx: Tx, callSid: string, call: NewCall): Promise<CallRow | null> {
    const rows = await tx.rows<CallRow>(
      `INSERT INTO telephony.calls (${INSERT_COLUMNS}, call_sid)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (call_sid) DO NOTHING RETURNING *`,
      [...insertValues(call), callSid],
    );
    return rows[0] ?? null;
  }

  /** A click-to-call before Twilio is asked: its webhooks find it by `ref`. */
  async insertPending(tx: Tx, ref: string, call: NewCall): Promise<CallRow> {
    const [row] = await tx.rows<CallRow>(
      `INSERT INTO telephony.calls (${INSERT_COLUMNS}, ref, pending)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true) RETURNING *`,
      [...insertValues(call), ref],
    );
    return row;
  }

  async deletePending(tx: Tx, accountId: number, id: string): Promise<void> {
    await tx.rows(`DELETE FROM telephony.calls WHERE account_id = $1 AND id = $2 AND pending`, [accountId, id]);
  }

  /** The call a webhook is about: by our ref when its URL carries one, else by CallSid. */
  async findForWebhook(tx: Tx, ref: string | null, callSid: string | null): Promise<CallRow | null> {
    const byRef = ref ? await tx.rows<CallRow>(`SELECT * FROM telephony.calls WHERE ref = $1`, [ref]) : [];
    if (byRef[0] || !callSid) return byRef[0] ?? null;
    const bySid = await tx.rows<CallRow>(`SELECT * FROM telephony.calls WHERE call_sid = $1`, [callSid]);
    return bySid[0] ?? null;
  }

  async lock(tx: Tx, id: string): Promise<CallRow> {
    const [row] = await tx.rows<CallRow>(`SELECT * FROM telephony.calls WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async update(tx: Tx, id: string, changes: CallChanges): Promise<CallRow> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`);
    const [row] = await tx.rows<CallRow>(
      `UPDATE telephony.calls SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`,
      [id, ...entries.map(([, value]) => value)],
    );
    return row;
  }
}
