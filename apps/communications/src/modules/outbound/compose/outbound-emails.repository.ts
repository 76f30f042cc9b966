import { Injectable } from '@nestjs/common';
import type { MailAddress } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { EmailEntity } from '../../emails/entities/email.entity';
import { tableOf } from '../../emails/table-name';

export interface OutboundEmailFields {
  message_id: string;
  user_id: number;
  subject: string;
  text: string | null;
  /** Already sanitised. */
  html: string | null;
  from_address: MailAddress;
  to_addresses: MailAddress[];
  cc_addresses: MailAddress[];
  in_reply_to: string | null;
  reference_ids: string[];
}

/** Writes mail composed in the CRM: source 'crm', and no raw message in mail-ingest. */
@Injectable()
export class OutboundEmailsRepository {
  /** The new email's id. */
  async insert(tx: Tx, accountId: number, fields: OutboundEmailFields): Promise<number> {
    const [row] = await tx.rows<{ id: number }>(
      `INSERT INTO ${tableOf(tx, EmailEntity)}
         (account_id, source, direction, date, message_id, user_id, subject, text, html,
          from_address, to_addresses, cc_addresses, in_reply_to, reference_ids)
       VALUES ($1, 'crm', 'sent', now(), $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11)
       RETURNING id`,
      [
        accountId,
        fields.message_id,
        fields.user_id,
        fields.subject,
        fields.text,
        fields.html,
        JSON.stringify(fields.from_address),
        JSON.stringify(fields.to_addresses),
        JSON.stringify(fields.cc_addresses),
        fields.in_reply_to,
        fields.reference_ids,
      ],
    );
    return row.id;
  }
}
