import { Injectable } from '@nestjs/common';
import type { ListQuery, MailboxConnectionStatus, MailboxFolderRole } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface MailboxConnectionRow {
  id: number;
  account_id: number;
  user_id: number;
  host: string;
  port: number;
  tls: boolean;
  starttls: boolean;
  username: string;
  password_encrypted: string;
  sent_folder: string | null;
  status: MailboxConnectionStatus;
  last_error: string | null;
  failures: number;
  last_synced_at: Date | null;
  next_sync_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface MailboxFolderRow {
  connection_id: number;
  folder: MailboxFolderRole;
  path: string;
  /** bigint columns arrive as strings. */
  uid_validity: string;
  last_uid: string;
  synced: number;
  skipped: number;
  total: number;
  updated_at: Date;
}

/** The settings a connection is reached with. */
export interface ConnectionSettings {
  host: string;
  port: number;
  tls: boolean;
  starttls: boolean;
  username: string;
  password_encrypted: string;
  sent_folder: string | null;
}

const COLUMNS = `id, account_id, user_id, host, port, tls, starttls, username, password_encrypted, sent_folder, status, last_error,
  failures, last_synced_at, next_sync_at, created_at, updated_at`;

/** Connections as users manage them through the API (the sync's leases live in MailboxSyncStateRepository). */
@Injectable()
export class MailboxConnectionsRepository {
  /** Null when the user already has a connection (one per user). */
  async insert(tx: Tx, accountId: number, userId: number, settings: ConnectionSettings): Promise<MailboxConnectionRow | null> {
    const rows = await tx.rows<MailboxConnectionRow>(
      `INSERT INTO mail_ingest.mailbox_connections (account_id, user_id, host, port, tls, starttls, username, password_encrypted, sent_folder)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (account_id, user_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [accountId, userId, settings.host, settings.port, settings.tls, settings.starttls, settings.username, settings.password_encrypted, settings.sent_folder],
    );
    return rows[0] ?? null;
  }

  async find(tx: Tx, accountId: number, id: number): Promise<MailboxConnectionRow | null> {
    const rows = await tx.rows<MailboxConnectionRow>(`SELECT ${COLUMNS} FROM mail_ingest.mailbox_connections WHERE account_id = $1 AND id = $2`, [
      accountId,
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Oldest first; `userId` null: every user's. */
  async list(tx: Tx, accountId: number, userId: number | null, query: ListQuery): Promise<{ rows: MailboxConnectionRow[]; hasMore: boolean }> {
    const rows = await tx.rows<MailboxConnectionRow>(
      `SELECT ${COLUMNS} FROM mail_ingest.mailbox_connections
       WHERE account_id = $1 AND ($2::int IS NULL OR user_id = $2) AND ($3::int[] IS NULL OR id = ANY($3))
       ORDER BY id LIMIT $4 OFFSET $5`,
      [accountId, userId, query.ids ?? null, query.perPage + 1, (query.page - 1) * query.perPage],
    );
    return { rows: rows.slice(0, query.perPage), hasMore: rows.length > query.perPage };
  }

  /**
   * New settings: the connection starts over from `connecting` at once, and a sync running with
   * the old ones loses its lease (it stops at its next batch). Progress of the folders that
   * `forgetFolders` names is dropped (another mailbox, or another sent folder).
   */
  async updateSettings(tx: Tx, accountId: number, id: number, settings: ConnectionSettings, forgetFolders: MailboxFolderRole[]): Promise<MailboxConnectionRow | null> {
    const rows = await tx.rows<MailboxConnectionRow>(
      `UPDATE mail_ingest.mailbox_connections SET host = $3, port = $4, tls = $5, starttls = $6, username = $7, password_encrypted = $8,
         sent_folder = $9, status = 'connecting', last_error = NULL, failures = 0, next_sync_at = now(), claimed_until = NULL,
         claim_token = NULL, updated_at = now()
       WHERE account_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [accountId, id, settings.host, settings.port, settings.tls, settings.starttls, settings.username, settings.password_encrypted, settings.sent_folder],
    );
    if (rows.length > 0 && forgetFolders.length > 0) {
      await tx.rows(`DELETE FROM mail_ingest.mailbox_folders WHERE connection_id = $1 AND folder = ANY($2)`, [id, forgetFolders]);
    }
    return rows[0] ?? null;
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<boolean> {
    const rows = await tx.rows<{ id: number }>(`DELETE FROM mail_ingest.mailbox_connections WHERE account_id = $1 AND id = $2 RETURNING id`, [
      accountId,
      id,
    ]);
    return rows.length > 0;
  }

  async folders(tx: Tx, connectionIds: number[]): Promise<MailboxFolderRow[]> {
    if (connectionIds.length === 0) return [];
    return tx.rows<MailboxFolderRow>(
      `SELECT connection_id, folder, path, uid_validity, last_uid, synced, skipped, total, updated_at
       FROM mail_ingest.mailbox_folders WHERE connection_id = ANY($1) ORDER BY connection_id, folder`,
      [connectionIds],
    );
  }
}
