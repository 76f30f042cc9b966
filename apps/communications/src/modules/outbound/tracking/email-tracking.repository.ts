import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { tableOf } from '../../emails/table-name';
import { EmailTrackingEntity } from './email-tracking.entity';

@Injectable()
export class EmailTrackingRepository {
  /** A new email to deliver: queued, due now. */
  async insert(tx: Tx, accountId: number, emailId: number, token: string, lastError: string | null): Promise<EmailTrackingEntity> {
    const [row] = await tx.rows<EmailTrackingEntity>(
      `INSERT INTO ${tableOf(tx, EmailTrackingEntity)} (email_id, account_id, token, last_error) VALUES ($1, $2, $3, $4) RETURNING *`,
      [emailId, accountId, token, lastError],
    );
    return row;
  }

  /** Delivery and opens of those of `emailIds` that were sent from the CRM. */
  async forEmails(tx: Tx, accountId: number, emailIds: number[]): Promise<Map<number, EmailTrackingEntity>> {
    if (emailIds.length === 0) return new Map();
    const rows = await tx.manager
      .getRepository(EmailTrackingEntity)
      .createQueryBuilder('t')
      .where('t.account_id = :accountId AND t.email_id = ANY(:emailIds)', { accountId, emailIds })
      .getMany();
    return new Map(rows.map((row) => [row.email_id, row]));
  }

  /**
   * Count one open. The token alone names the email (and so the account): the pixel is fetched
   * by a recipient's mail client, which has nothing else. False for a token nobody was given.
   */
  async recordOpen(tx: Tx, token: string): Promise<boolean> {
    const rows = await tx.rows(
      `UPDATE ${tableOf(tx, EmailTrackingEntity)}
       SET open_count = open_count + 1, first_opened_at = coalesce(first_opened_at, now()), last_opened_at = now()
       WHERE token = $1
       RETURNING email_id`,
      [token],
    );
    return rows.length > 0;
  }
}
