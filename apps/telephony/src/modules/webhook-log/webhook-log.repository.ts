import { Injectable } from '@nestjs/common';
import type { TwilioWebhookKind, TwilioWebhookReply } from '@crm/contracts';
import type { Tx } from '@crm/platform';

/** One webhook delivery: Twilio's sid, the kind of webhook, and which event of it (a status, a step of the call). */
export interface WebhookKey {
  sid: string;
  kind: TwilioWebhookKind;
  event: string;
}

interface LogRow {
  reply_status: number;
  reply_content_type: string;
  reply_body: string;
}

@Injectable()
export class WebhookLogRepository {
  async find(tx: Tx, key: WebhookKey): Promise<TwilioWebhookReply | null> {
    const rows = await tx.rows<LogRow>(
      `SELECT reply_status, reply_content_type, reply_body FROM telephony.webhook_log WHERE sid = $1 AND kind = $2 AND event = $3`,
      [key.sid, key.kind, key.event],
    );
    const row = rows[0];
    return row ? { status: row.reply_status, contentType: row.reply_content_type, body: row.reply_body } : null;
  }

  /** True when this delivery is the first; a concurrent duplicate waits for the first to commit, then gets false. */
  async claim(tx: Tx, key: WebhookKey, accountId: number | null, reply: TwilioWebhookReply): Promise<boolean> {
    const rows = await tx.rows(
      `INSERT INTO telephony.webhook_log (sid, kind, event, account_id, reply_status, reply_content_type, reply_body)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING sid`,
      [key.sid, key.kind, key.event, accountId, reply.status, reply.contentType, reply.body],
    );
    return rows.length > 0;
  }
}
