import { Injectable } from '@nestjs/common';
import type { IngestLogEntry, IngestStatus, ListQuery, MailboxFolderRole } from '@crm/contracts';
import type { Tx } from '@crm/platform';

export interface RawMessageRow {
  id: string;
  account_id: number;
  deal_ids: number[];
  recipients: string[];
  envelope_from: string | null;
  size: number;
  status: IngestStatus;
  message_id: string | null;
  subject: string | null;
  attempts: number;
  last_error: string | null;
  log: IngestLogEntry[];
  received_at: Date;
  filed_at: Date | null;
}

export interface ClaimedRow extends RawMessageRow {
  /** Set (both) when the message was copied from a user's synced mailbox. */
  mailbox_user_id: number | null;
  mailbox_folder: MailboxFolderRole | null;
}

export interface ClaimedMessage extends ClaimedRow {
  raw: Buffer;
}

/** Where in which user's mailbox a copied message was. */
export interface MailboxOrigin {
  accountId: number;
  connectionId: number;
  userId: number;
  folder: MailboxFolderRole;
  path: string;
  uidValidity: bigint;
}

export interface NewRawMessage {
  accountId: number;
  dealIds: number[];
  recipients: string[];
  envelopeFrom: string | null;
}

const SUMMARY = `id, account_id, deal_ids, recipients, envelope_from, size, status, message_id, subject, attempts,
  last_error, log, received_at, filed_at`;
const CLAIMED = `m.id, m.account_id, m.deal_ids, m.recipients, m.envelope_from, m.size, m.status, m.message_id, m.subject,
  m.attempts, m.last_error, m.log, m.received_at, m.filed_at, m.mailbox_user_id, m.mailbox_folder`;

@Injectable()
export class RawMessagesRepository {
  /** One row per account the message was addressed to; the same bytes in each. */
  async insert(tx: Tx, raw: Buffer, targets: NewRawMessage[]): Promise<string[]> {
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO mail_ingest.raw_messages (account_id, deal_ids, recipients, envelope_from, raw, size)
       SELECT t.account_id, ARRAY(SELECT jsonb_array_elements_text(t.deal_ids)::int), ARRAY(SELECT jsonb_array_elements_text(t.recipients)),
              t.envelope_from, $1, $2
       FROM jsonb_to_recordset($3::jsonb) AS t(account_id int, deal_ids jsonb, recipients jsonb, envelope_from text)
       RETURNING id`,
      [
        raw,
        raw.length,
        JSON.stringify(
          targets.map((t) => ({ account_id: t.accountId, deal_ids: t.dealIds, recipients: t.recipients, envelope_from: t.envelopeFrom })),
        ),
      ],
    );
    return rows.map((row) => row.id);
  }

  /** Messages copied from a mailbox folder; a UID already stored (a retry, another replica) is skipped. Returns how many were new. */
  async insertFromMailbox(tx: Tx, origin: MailboxOrigin, messages: { uid: number; raw: Buffer }[]): Promise<number> {
    if (messages.length === 0) return 0;
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO mail_ingest.raw_messages (account_id, recipients, raw, size, mailbox_connection_id, mailbox_user_id, mailbox_folder, mailbox_path,
         mailbox_uid_validity, mailbox_uid)
       SELECT $1, '{}', m.raw, octet_length(m.raw), $2, $3, $4, $5, $6, m.uid FROM unnest($7::bytea[], $8::bigint[]) AS m(raw, uid)
       ON CONFLICT (mailbox_connection_id, mailbox_path, mailbox_uid_validity, mailbox_uid) WHERE mailbox_connection_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        origin.accountId,
        origin.connectionId,
        origin.userId,
        origin.folder,
        origin.path,
        origin.uidValidity.toString(),
        messages.map((m) => m.raw),
        messages.map((m) => m.uid),
      ],
    );
    return rows.length;
  }

  /**
   * Lease up to `limit` messages (and about `maxBytes` of them; at least one) due for an attempt,
   * oldest first; a crashed worker's lease runs out and another worker takes them. Without
   * their bytes: see `rawOf`.
   */
  async claim(tx: Tx, limit: number, maxBytes: number, leaseSeconds: number): Promise<ClaimedRow[]> {
    return tx.rows<ClaimedRow>(
      `WITH due AS (
         SELECT id, size FROM mail_ingest.raw_messages
         WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED),
       chosen AS (SELECT id FROM (SELECT id, size, sum(size) OVER (ORDER BY id) AS running FROM due) d WHERE running - size < $2)
       UPDATE mail_ingest.raw_messages m SET claimed_until = now() + make_interval(secs => $3), attempts = attempts + 1
       FROM chosen WHERE m.id = chosen.id
       RETURNING ${CLAIMED}`,
      [limit, maxBytes, leaseSeconds],
    );
  }

  async rawOf(tx: Tx, ids: string[]): Promise<Map<string, Buffer>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.rows<{ id: string; raw: Buffer }>(`SELECT id, raw FROM mail_ingest.raw_messages WHERE id = ANY($1::bigint[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row.raw]));
  }

  /** Filed, all in one statement. */
  async markFiled(tx: Tx, filed: { id: string; messageId: string; subject: string | null; log: IngestLogEntry[] }[]): Promise<void> {
    if (filed.length === 0) return;
    await tx.rows(
      `UPDATE mail_ingest.raw_messages m SET status = 'filed', message_id = f.message_id, subject = f.subject, log = f.log,
         last_error = NULL, filed_at = now(), claimed_until = NULL
       FROM jsonb_to_recordset($1::jsonb) AS f(id bigint, message_id text, subject text, log jsonb)
       WHERE m.id = f.id`,
      [JSON.stringify(filed.map((f) => ({ id: f.id, message_id: f.messageId, subject: f.subject, log: f.log })))],
    );
  }

  /** Another try later (backoff), or `failed` for good once the attempts are used up; the raw message stays. */
  async markAttemptFailed(tx: Tx, id: string, error: string, log: IngestLogEntry[], finalAttempt: boolean, retryInSeconds: number): Promise<void> {
    await tx.rows(
      `UPDATE mail_ingest.raw_messages SET status = $3, last_error = $2, log = $4::jsonb, claimed_until = NULL,
         next_attempt_at = now() + make_interval(secs => $5) WHERE id = $1`,
      [id, error, finalAttempt ? 'failed' : 'pending', JSON.stringify(log), retryInSeconds],
    );
  }

  /** Put a failed message back in the queue (an admin's retry). */
  async requeue(tx: Tx, accountId: number, id: string): Promise<RawMessageRow | null> {
    const rows = await tx.rows<RawMessageRow>(
      `UPDATE mail_ingest.raw_messages SET status = 'pending', attempts = 0, next_attempt_at = now(), claimed_until = NULL
       WHERE account_id = $1 AND id = $2 AND status = 'failed' RETURNING ${SUMMARY}`,
      [accountId, id],
    );
    return rows[0] ?? null;
  }

  async find(tx: Tx, accountId: number, id: string): Promise<RawMessageRow | null> {
    const rows = await tx.rows<RawMessageRow>(`SELECT ${SUMMARY} FROM mail_ingest.raw_messages WHERE account_id = $1 AND id = $2`, [
      accountId,
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Newest first; filters `status`, `ids`. */
  async list(tx: Tx, accountId: number, query: ListQuery): Promise<{ rows: RawMessageRow[]; hasMore: boolean }> {
    const rows = await tx.rows<RawMessageRow>(
      `SELECT ${SUMMARY} FROM mail_ingest.raw_messages
       WHERE account_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::bigint[] IS NULL OR id = ANY($3))
       ORDER BY id DESC LIMIT $4 OFFSET $5`,
      [accountId, query.filters.status ?? null, query.ids ?? null, query.perPage + 1, (query.page - 1) * query.perPage],
    );
    return { rows: rows.slice(0, query.perPage), hasMore: rows.length > query.perPage };
  }
}
