import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';

export interface InvitationRow {
  id: number;
  account_id: number;
  user_id: number;
  expires_at: Date;
  used_at: Date | null;
  voided_at: Date | null;
}

/** The invitations table; tokens only ever appear here as their SHA-256 digests. */
@Injectable()
export class InvitationsRepository {
  /** Older invitations of the user that were never used stop working when a new one is issued. */
  async voidOpen(tx: Tx, accountId: number, userId: number): Promise<void> {
    await tx.rows(
      `UPDATE records.invitations SET voided_at = now()
        WHERE account_id = $1 AND user_id = $2 AND used_at IS NULL AND voided_at IS NULL RETURNING id`,
      [accountId, userId],
    );
  }

  async insert(
    tx: Tx,
    row: { accountId: number; userId: number; tokenHash: string; createdBy: number | null; ttlDays: number },
  ): Promise<InvitationRow> {
    const [created] = await tx.rows<InvitationRow>(
      `INSERT INTO records.invitations (account_id, user_id, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
       RETURNING id, account_id, user_id, expires_at, used_at, voided_at`,
      [row.accountId, row.userId, row.tokenHash, row.createdBy, row.ttlDays],
    );
    return created;
  }

  /** The invitation with this digest if it can still be accepted; `lock` holds it until the transaction ends. */
  async findOpen(tx: Tx, tokenHash: string, lock = false): Promise<InvitationRow | null> {
    const [row] = await tx.rows<InvitationRow>(
      `SELECT id, account_id, user_id, expires_at, used_at, voided_at FROM records.invitations
        WHERE token_hash = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > now()
        ${lock ? 'FOR UPDATE' : ''}`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** Accepting uses this one and voids any other open invitation of the same user. */
  async markUsed(tx: Tx, invitation: InvitationRow): Promise<void> {
    await tx.rows(`UPDATE records.invitations SET used_at = now() WHERE id = $1 RETURNING id`, [invitation.id]);
    await this.voidOpen(tx, invitation.account_id, invitation.user_id);
  }

  /** Up to `limit` invitations used, voided or expired more than `days` ago; how many went. */
  async deleteEnded(tx: Tx, days: number, limit: number): Promise<number> {
    const deleted = await tx.rows(
      `DELETE FROM records.invitations WHERE id IN (
         SELECT id FROM records.invitations
          WHERE least(expires_at, coalesce(used_at, 'infinity'), coalesce(voided_at, 'infinity')) < now() - make_interval(days => $1)
          LIMIT $2)
       RETURNING id`,
      [days, limit],
    );
    return deleted.length;
  }
}
