import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';

export interface BccAddressRow {
  id: number;
  account_id: number;
  local_part: string;
  created_at: Date;
  expires_at: Date | null;
}

/** Where a message for one of our addresses goes. */
export interface AddressTarget {
  accountId: number;
  dealId: number | null;
}

@Injectable()
export class AddressesRepository {
  /** The current address and the replaced ones still in their grace period, newest first. */
  async usable(tx: Tx, accountId: number): Promise<BccAddressRow[]> {
    return tx.rows<BccAddressRow>(
      `SELECT * FROM mail_ingest.bcc_addresses WHERE account_id = $1 AND (expires_at IS NULL OR expires_at > now())
       ORDER BY expires_at IS NULL DESC, id DESC`,
      [accountId],
    );
  }

  /** Adds the account's first address unless it has one; true when this call added it. */
  async insertFirst(tx: Tx, accountId: number, localPart: string): Promise<boolean> {
    const rows = await tx.rows(
      `INSERT INTO mail_ingest.bcc_addresses (account_id, local_part) VALUES ($1, $2)
       ON CONFLICT (account_id) WHERE expires_at IS NULL DO NOTHING RETURNING id`,
      [accountId, localPart],
    );
    return rows.length > 0;
  }

  /** Replace the current address: it keeps working for `graceSeconds`; the new one works at once. */
  async replace(tx: Tx, accountId: number, localPart: string, graceSeconds: number): Promise<void> {
    await tx.rows(`SELECT pg_advisory_xact_lock(hashtext('mail_ingest.bcc'), $1)`, [accountId]);
    await tx.rows(
      `UPDATE mail_ingest.bcc_addresses SET expires_at = now() + make_interval(secs => $2)
       WHERE account_id = $1 AND expires_at IS NULL`,
      [accountId, graceSeconds],
    );
    await tx.rows(`INSERT INTO mail_ingest.bcc_addresses (account_id, local_part) VALUES ($1, $2)`, [accountId, localPart]);
  }

  async dealAddress(tx: Tx, dealId: number): Promise<string | null> {
    const rows = await tx.rows<{ local_part: string }>(`SELECT local_part FROM mail_ingest.deal_addresses WHERE deal_id = $1`, [dealId]);
    return rows[0]?.local_part ?? null;
  }

  /** True when this call gave the deal its address. */
  async insertDealAddress(tx: Tx, accountId: number, dealId: number, localPart: string): Promise<boolean> {
    const rows = await tx.rows(
      `INSERT INTO mail_ingest.deal_addresses (deal_id, account_id, local_part) VALUES ($1, $2, $3)
       ON CONFLICT (deal_id) DO NOTHING RETURNING deal_id`,
      [dealId, accountId, localPart],
    );
    return rows.length > 0;
  }

  async deleteDealAddress(tx: Tx, accountId: number, dealId: number): Promise<void> {
    await tx.rows(`DELETE FROM mail_ingest.deal_addresses WHERE account_id = $1 AND deal_id = $2`, [accountId, dealId]);
  }

  /**
   * The account (and deal) behind a local part, if the address is in use, and when it stops
   * working (a replaced address in its grace period); expired addresses resolve to nothing.
   */
  async resolve(tx: Tx, localPart: string): Promise<{ target: AddressTarget; expiresAt: Date | null } | null> {
    const rows = await tx.rows<{ account_id: number; deal_id: number | null; expires_at: Date | null }>(
      `SELECT account_id, NULL::int AS deal_id, expires_at FROM mail_ingest.bcc_addresses
         WHERE local_part = $1 AND (expires_at IS NULL OR expires_at > now())
       UNION ALL
       SELECT account_id, deal_id, NULL FROM mail_ingest.deal_addresses WHERE local_part = $1
       LIMIT 1`,
      [localPart],
    );
    const row = rows[0];
    return row ? { target: { accountId: row.account_id, dealId: row.deal_id }, expiresAt: row.expires_at } : null;
  }
}
