import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { CallEntity } from '../calls/entities/call.entity';
import { phoneTables } from '../record-phones/phone-tables';
import type { PhoneRecord } from '../record-phones/record-phones.repository';

/** One state of a call telephony reported. */
export interface ReportedCall {
  sid: string;
  userId: number;
  /** The other party's number as telephony gave it (Sell's phone_number), and in E.164 when it is one. */
  remoteNumber: string;
  remoteE164: string | null;
  userE164: string | null;
  incoming: boolean;
  missed: boolean;
  duration: number;
  madeAt: Date;
  status: string;
  statusRank: number;
  statusAt: Date;
  recordingId: number | null;
  voicemail: boolean;
  /** Where a new call hangs (an existing call keeps its record). */
  resource: PhoneRecord | null;
}

@Injectable()
export class TelephonyCallsRepository {
  /**
   * Insert the call, or update it by CallSid if this state is later than the stored one.
   * Returns the call and whether it is new; null when the state was older (nothing changed).
   */
  async upsert(tx: Tx, accountId: number, call: ReportedCall): Promise<{ call: CallEntity; inserted: boolean } | null> {
    const rows = await tx.rows<CallEntity & { inserted: boolean }>(
      `INSERT INTO ${phoneTables(tx).calls} AS c
         (account_id, user_id, sid, external_id, phone_number, remote_phone_e164, user_phone_e164, incoming, missed, duration,
          made_at, status, status_rank, status_at, recording_id, voicemail, resource_type, resource_id)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (account_id, sid) WHERE sid IS NOT NULL DO UPDATE SET
         missed = EXCLUDED.missed,
         duration = EXCLUDED.duration,
         made_at = EXCLUDED.made_at,
         status = EXCLUDED.status,
         status_rank = EXCLUDED.status_rank,
         status_at = EXCLUDED.status_at,
         recording_id = coalesce(EXCLUDED.recording_id, c.recording_id),
         voicemail = c.voicemail OR EXCLUDED.voicemail,
         resource_type = coalesce(c.resource_type, EXCLUDED.resource_type),
         resource_id = CASE WHEN c.resource_type IS NULL THEN EXCLUDED.resource_id ELSE c.resource_id END,
         updated_at = now()
       WHERE (EXCLUDED.status_rank, EXCLUDED.status_at) > (c.status_rank, c.status_at)
       RETURNING *, (xmax = 0) AS inserted`,
      [
        accountId,
        call.userId,
        call.sid,
        call.remoteNumber,
        call.remoteE164,
        call.userE164,
        call.incoming,
        call.missed,
        call.duration,
        call.madeAt,
        call.status,
        call.statusRank,
        call.statusAt,
        call.recordingId,
        call.voicemail,
        call.resource?.resourceType ?? null,
        call.resource?.resourceId ?? null,
      ],
    );
    if (rows.length === 0) return null;
    const { inserted, ...stored } = rows[0];
    return { call: Object.assign(new CallEntity(), stored), inserted };
  }

  /** Sell's recording_url of a call whose recording telephony stored (played through the gateway). */
  async setRecordingUrl(tx: Tx, accountId: number, id: number, url: string): Promise<CallEntity> {
    const [row] = await tx.rows<CallEntity>(
      `UPDATE ${phoneTables(tx).calls} SET recording_url = $3 WHERE account_id = $1 AND id = $2 RETURNING *`,
      [accountId, id, url],
    );
    return Object.assign(new CallEntity(), row);
  }
}
