import { Injectable } from '@nestjs/common';
import type { MailboxConnectionStatus, MailboxFolderRole } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import type { MailboxConnectionRow, MailboxFolderRow } from './mailbox-connections.repository';

/** A connection leased to one worker: every write of its sync names the lease. */
export interface ClaimedConnection extends MailboxConnectionRow {
  claim_token: string;
}

export interface Lease {
  id: number;
  claim_token: string;
}

/**
 * The sync's side of a connection: leases (claimed_until + claim_token, so that two replicas
 * never sync one mailbox at once and a crashed one's lease runs out), status and backoff, and how
 * far each folder has been copied. A write under a lease that is no longer ours changes nothing.
 */
@Injectable()
export class MailboxSyncStateRepository {
  /** Lease up to `limit` connections that are due, the longest waiting first. */
  async claimDue(tx: Tx, limit: number, leaseSeconds: number): Promise<ClaimedConnection[]> {
    return tx.rows<ClaimedConnection>(
      `WITH due AS (
         SELECT id FROM mail_ingest.mailbox_connections
         WHERE next_sync_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY next_sync_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE mail_ingest.mailbox_connections c SET claimed_until = now() + make_interval(secs => $2), claim_token = gen_random_uuid()
       FROM due WHERE c.id = due.id
       RETURNING c.*`,
      [limit, leaseSeconds],
    );
  }

  /**
   * Extend the lease; false when it is no longer ours (settings changed, connection deleted, or
   * the lease ran out and another worker took it). Inside a transaction it also locks the row
   * until commit, so the writes that follow cannot race a change of settings.
   */
  async holdLease(tx: Tx, lease: Lease, leaseSeconds: number): Promise<boolean> {
    const rows = await tx.rows(
      `UPDATE mail_ingest.mailbox_connections SET claimed_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND claim_token = $2 RETURNING id`,
      [lease.id, lease.claim_token, leaseSeconds],
    );
    return rows.length > 0;
  }

  async setStatus(tx: Tx, lease: Lease, status: MailboxConnectionStatus): Promise<void> {
    await tx.rows(`UPDATE mail_ingest.mailbox_connections SET status = $3 WHERE id = $1 AND claim_token = $2 AND status <> $3`, [
      lease.id,
      lease.claim_token,
      status,
    ]);
  }

  /** Up to date: idle until the next poll. */
  async finish(tx: Tx, lease: Lease, pollSeconds: number): Promise<void> {
    await tx.rows(
      `UPDATE mail_ingest.mailbox_connections SET status = 'idle', last_error = NULL, failures = 0, last_synced_at = now(),
         next_sync_at = now() + make_interval(secs => $3), claimed_until = NULL, claim_token = NULL
       WHERE id = $1 AND claim_token = $2`,
      [lease.id, lease.claim_token, pollSeconds],
    );
  }

  /** A failed attempt: the next one waits base × 2^(failures in a row − 1) seconds, at most max. */
  async fail(tx: Tx, lease: Lease, error: string, baseSeconds: number, maxSeconds: number): Promise<void> {
    await tx.rows(
      `UPDATE mail_ingest.mailbox_connections SET status = 'error', last_error = $3, failures = failures + 1,
         next_sync_at = now() + make_interval(secs => least($5::float8, $4::float8 * power(2, least(failures, 30)))),
         claimed_until = NULL, claim_token = NULL
       WHERE id = $1 AND claim_token = $2`,
      [lease.id, lease.claim_token, error, baseSeconds, maxSeconds],
    );
  }

  /** Stopped before the end (shutdown, or a turn used up): any worker may go on at once. */
  async release(tx: Tx, lease: Lease): Promise<void> {
    await tx.rows(
      `UPDATE mail_ingest.mailbox_connections SET next_sync_at = now(), claimed_until = NULL, claim_token = NULL
       WHERE id = $1 AND claim_token = $2`,
      [lease.id, lease.claim_token],
    );
  }

  async folder(tx: Tx, connectionId: number, folder: MailboxFolderRole): Promise<MailboxFolderRow | null> {
    const rows = await tx.rows<MailboxFolderRow>(`SELECT * FROM mail_ingest.mailbox_folders WHERE connection_id = $1 AND folder = $2`, [
      connectionId,
      folder,
    ]);
    return rows[0] ?? null;
  }

  /** First sync of a folder, another path, or a new UIDVALIDITY: copy it from the start. */
  async startFolder(tx: Tx, connectionId: number, folder: MailboxFolderRole, path: string, uidValidity: bigint, total: number): Promise<void> {
    await tx.rows(
      `INSERT INTO mail_ingest.mailbox_folders (connection_id, folder, path, uid_validity, total) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (connection_id, folder) DO UPDATE SET path = $3, uid_validity = $4, last_uid = 0, synced = 0, skipped = 0, total = $5, updated_at = now()`,
      [connectionId, folder, path, uidValidity.toString(), total],
    );
  }

  async setTotal(tx: Tx, connectionId: number, folder: MailboxFolderRole, total: number): Promise<void> {
    await tx.rows(`UPDATE mail_ingest.mailbox_folders SET total = $3 WHERE connection_id = $1 AND folder = $2 AND total <> $3`, [
      connectionId,
      folder,
      total,
    ]);
  }

  /** Everything up to `lastUid` is stored (in the same transaction as this). */
  async advance(tx: Tx, connectionId: number, folder: MailboxFolderRole, lastUid: number, stored: number, skipped: number): Promise<void> {
    await tx.rows(
      `UPDATE mail_ingest.mailbox_folders SET last_uid = greatest(last_uid, $3), synced = synced + $4, skipped = skipped + $5, updated_at = now()
       WHERE connection_id = $1 AND folder = $2`,
      [connectionId, folder, lastUid, stored, skipped],
    );
  }
}
