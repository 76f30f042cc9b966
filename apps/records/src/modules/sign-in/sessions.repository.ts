import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';

export interface SessionRow {
  id: number;
  account_id: number;
  user_id: number;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
}

export interface LiveSession {
  id: number;
  account_id: number;
  user_id: number;
  expires_at: Date;
  role: 'admin' | 'user';
}

const COLUMNS = 'id, account_id, user_id, expires_at, revoked_at, created_at';

/** The sessions table: one row per signed-in browser, found by the SHA-256 of its cookie's token. */
@Injectable()
export class SessionsRepository {
  async insert(tx: Tx, row: { accountId: number; userId: number; tokenHash: string; ttlSeconds: number }): Promise<SessionRow> {
    const [created] = await tx.rows<SessionRow>(
      `INSERT INTO records.sessions (account_id, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING ${COLUMNS}`,
      [row.accountId, row.userId, row.tokenHash, row.ttlSeconds],
    );
    return created;
  }

  /** The session behind a token, only while it is unexpired, not signed out, and its user active. */
  async findLive(tx: Tx, tokenHash: string): Promise<LiveSession | null> {
    const [row] = await tx.rows<LiveSession>(
      `SELECT s.id, s.account_id, s.user_id, s.expires_at, u.role
         FROM records.sessions s
         JOIN records.users u ON u.account_id = s.account_id AND u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** Sign out one session of the user; empty when it was already over. */
  revoke(tx: Tx, accountId: number, userId: number, sessionId: number): Promise<SessionRow[]> {
    return tx.rows<SessionRow>(
      `UPDATE records.sessions SET revoked_at = now()
        WHERE account_id = $1 AND user_id = $2 AND id = $3 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [accountId, userId, sessionId],
    );
  }

  /** A password reset ends every session of the user that is still running. */
  revokeAllOf(tx: Tx, accountId: number, userId: number): Promise<SessionRow[]> {
    return tx.rows<SessionRow>(
      `UPDATE records.sessions SET revoked_at = now()
        WHERE account_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now() RETURNING ${COLUMNS}`,
      [accountId, userId],
    );
  }

  /** Up to `limit` sessions that expired or were signed out more than `days` ago; how many went. */
  async deleteEnded(tx: Tx, days: number, limit: number): Promise<number> {
    const deleted = await tx.rows(
      `DELETE FROM records.sessions WHERE id IN (
         SELECT id FROM records.sessions WHERE least(expires_at, coalesce(revoked_at, 'infinity')) < now() - make_interval(days => $1) LIMIT $2)
       RETURNING id`,
      [days, limit],
    );
    return deleted.length;
  }
}
