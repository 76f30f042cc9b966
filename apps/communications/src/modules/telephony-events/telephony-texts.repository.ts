import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { phoneTables } from '../record-phones/phone-tables';
import type { PhoneRecord } from '../record-phones/record-phones.repository';

/** One state of an SMS telephony reported. */
export interface ReportedTextMessage {
  sid: string;
  userId: number | null;
  remoteNumber: string;
  userNumber: string;
  remoteE164: string | null;
  userE164: string | null;
  incoming: boolean;
  content: string;
  sentAt: Date;
  status: string;
  statusRank: number;
  statusAt: Date;
  errorCode: string | null;
  errorMessage: string | null;
  /** Where a new message hangs (an existing one keeps its record). */
  resource: PhoneRecord | null;
}

@Injectable()
export class TelephonyTextsRepository {
  /** Insert the message, or update it by MessageSid if this state is later; false when it was older. */
  async upsert(tx: Tx, accountId: number, message: ReportedTextMessage): Promise<boolean> {
    const rows = await tx.rows<{ id: number }>(
      `INSERT INTO ${phoneTables(tx).texts} AS t
         (account_id, user_id, sid, content, incoming, resource_phone_number, user_phone_number, remote_phone_e164, user_phone_e164,
          sent_at, status, status_rank, status_at, error_code, error_message, resource_type, resource_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (account_id, sid) WHERE sid IS NOT NULL DO UPDATE SET
         sent_at = EXCLUDED.sent_at,
         status = EXCLUDED.status,
         status_rank = EXCLUDED.status_rank,
         status_at = EXCLUDED.status_at,
         error_code = EXCLUDED.error_code,
         error_message = EXCLUDED.error_message,
         resource_type = coalesce(t.resource_type, EXCLUDED.resource_type),
         resource_id = CASE WHEN t.resource_type IS NULL THEN EXCLUDED.resource_id ELSE t.resource_id END,
         updated_at = now()
       WHERE (EXCLUDED.status_rank, EXCLUDED.status_at) > (t.status_rank, t.status_at)
       RETURNING id`,
      [
        accountId,
        message.userId,
        message.sid,
        message.content,
        message.incoming,
        message.remoteNumber,
        message.userNumber,
        message.remoteE164,
        message.userE164,
        message.sentAt,
        message.status,
        message.statusRank,
        message.statusAt,
        message.errorCode,
        message.errorMessage,
        message.resource?.resourceType ?? null,
        message.resource?.resourceId ?? null,
      ],
    );
    return rows.length > 0;
  }
}
