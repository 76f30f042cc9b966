import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';

export interface StoredBcc {
  email: string | null;
  /** When the stored address was announced. */
  changedAt: Date | null;
}

@Injectable()
export class AccountBccRepository {
  async find(tx: Tx, accountId: number): Promise<StoredBcc> {
    const [row] = await tx.rows<{ bcc_email: string | null; bcc_email_changed_at: Date | null }>(
      `SELECT bcc_email, bcc_email_changed_at FROM records.accounts WHERE id = $1`,
      [accountId],
    );
    return { email: row?.bcc_email ?? null, changedAt: row?.bcc_email_changed_at ?? null };
  }

  /** False when the account is unknown or already holds an address announced later than `changedAt`. */
  async store(tx: Tx, accountId: number, address: string, changedAt: Date): Promise<boolean> {
    const rows = await tx.rows(
      `UPDATE records.accounts SET bcc_email = $2, bcc_email_changed_at = $3
       WHERE id = $1 AND (bcc_email_changed_at IS NULL OR bcc_email_changed_at <= $3)
       RETURNING id`,
      [accountId, address, changedAt],
    );
    return rows.length > 0;
  }
}
