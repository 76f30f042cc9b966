import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { EmailEntity } from '../../emails/entities/email.entity';
import { tableOf } from '../../emails/table-name';
import { EmailTrackingEntity } from '../tracking/email-tracking.entity';
import type { OutgoingEmail } from './outgoing-message';

/** An email a worker holds until its lease ends; `attempts` (this one included) identifies the lease. */
export interface ClaimedEmail extends OutgoingEmail {
  email_id: number;
  account_id: number;
  attempts: number;
}

/**
 * The queue of CRM-sent mail, across accounts: the worker serves every account, and each row
 * carries its own. A claim moves `next_attempt_at` to the end of a lease, so no other replica
 * takes the email meanwhile; an outcome is recorded only by the lease that claimed it.
 */
@Injectable()
export class DeliveryQueueRepository {
  /** Due emails, oldest first; rows another replica is claiming are skipped, not waited for. */
  async claim(tx: Tx, limit: number, leaseSeconds: number): Promise<ClaimedEmail[]> {
    const tracking = tableOf(tx, EmailTrackingEntity);
    return tx.rows<ClaimedEmail>(
      `WITH due AS (
         SELECT email_id FROM ${tracking}
         WHERE status = 'queued' AND next_attempt_at <= now()
         ORDER BY next_attempt_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE ${tracking} t SET attempts = t.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
         FROM due WHERE t.email_id = due.email_id
         RETURNING t.email_id, t.account_id, t.token, t.attempts
       )
       SELECT c.*, e.message_id, e.date, e.from_address, e.to_addresses, e.cc_addresses, e.subject, e.text, e.html,
              e.in_reply_to, e.reference_ids
       FROM claimed c JOIN ${tableOf(tx, EmailEntity)} e ON e.id = c.email_id
       ORDER BY c.email_id`,
      [limit, leaseSeconds],
    );
  }

  /** The relay took it; `note` names recipients it refused, if any. */
  async markSent(tx: Tx, claim: ClaimedEmail, note: string | null): Promise<void> {
    await this.settle(tx, claim, `status = 'sent', sent_at = now(), last_error = $3`, [note]);
  }

  async markForRetry(tx: Tx, claim: ClaimedEmail, error: string, delaySeconds: number): Promise<void> {
    await this.settle(tx, claim, `last_error = $3, next_attempt_at = now() + make_interval(secs => $4)`, [error, delaySeconds]);
  }

  async markFailed(tx: Tx, claim: ClaimedEmail, error: string): Promise<void> {
    await this.settle(tx, claim, `status = 'failed', last_error = $3`, [error]);
  }

  private async settle(tx: Tx, claim: ClaimedEmail, assignments: string, values: unknown[]): Promise<void> {
    await tx.rows(
      `UPDATE ${tableOf(tx, EmailTrackingEntity)} SET ${assignments}
       WHERE email_id = $1 AND attempts = $2 AND status = 'queued'`,
      [claim.email_id, claim.attempts, ...values],
    );
  }
}
