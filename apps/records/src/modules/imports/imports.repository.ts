import { Injectable } from '@nestjs/common';
import type { ImportErrorDto, ImportStatus, RecordResourceType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import type { CustomFieldEntity } from '../custom-fields/entities/custom-field.entity';

export interface ImportRow {
  id: number;
  account_id: number;
  resource_type: RecordResourceType;
  status: ImportStatus;
  mapping: Record<string, string>;
  owner_id: number | null;
  owner_pool_id: number | null;
  dedupe_key: 'email' | null;
  bytes: string;
  bytes_read: string;
  rows_read: number;
  rows_created: number;
  rows_failed: number;
  rows_skipped: number;
  error: string | null;
  creator_id: number;
  correlation_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface BatchProgress {
  bytesRead: number;
  rowsRead: number;
  created: number;
  failed: number;
  skipped: number;
}

/** Imports, their uploaded chunks and their per-row errors, in plain SQL. */
@Injectable()
export class ImportsRepository {
  async insert(tx: Tx, row: Pick<ImportRow, 'account_id' | 'resource_type' | 'mapping' | 'owner_id' | 'owner_pool_id' | 'dedupe_key' | 'creator_id' | 'correlation_id'>) {
    const [created] = await tx.rows<ImportRow>(
      `INSERT INTO records.imports (account_id, resource_type, status, mapping, owner_id, owner_pool_id, dedupe_key, creator_id, correlation_id)
       VALUES ($1, $2, 'uploading', $3, $4, $5, $6, $7, $8) RETURNING *`,
      [row.account_id, row.resource_type, JSON.stringify(row.mapping), row.owner_id, row.owner_pool_id, row.dedupe_key, row.creator_id, row.correlation_id],
    );
    return created;
  }

  async find(tx: Tx, accountId: number, id: number): Promise<ImportRow | null> {
    const rows = await tx.rows<ImportRow>(`SELECT * FROM records.imports WHERE account_id = $1 AND id = $2`, [accountId, id]);
    return rows[0] ?? null;
  }

  /** A page of the account's imports, newest first, one more than asked so the caller knows if more follow. */
  list(tx: Tx, accountId: number, creatorId: number | null, page: number, perPage: number): Promise<ImportRow[]> {
    return tx.rows<ImportRow>(
      `SELECT * FROM records.imports WHERE account_id = $1 AND ($2::int IS NULL OR creator_id = $2)
       ORDER BY id DESC LIMIT $3 OFFSET $4`,
      [accountId, creatorId, perPage + 1, (page - 1) * perPage],
    );
  }

  /** Chunks arrive in order; a repeated chunk (a retried request) is kept once. */
  async appendChunk(tx: Tx, accountId: number, id: number, seq: number, data: Buffer): Promise<number> {
    const rows = await tx.rows<{ bytes: string }>(
      `WITH added AS (
         INSERT INTO records.import_chunks (import_id, seq, data)
         SELECT id, $3, $4 FROM records.imports WHERE account_id = $1 AND id = $2 AND status = 'uploading'
         ON CONFLICT (import_id, seq) DO NOTHING RETURNING octet_length(data) AS n)
       UPDATE records.imports SET bytes = bytes + coalesce((SELECT n FROM added), 0), updated_at = now()
       WHERE account_id = $1 AND id = $2 RETURNING bytes`,
      [accountId, id, seq, data],
    );
    return Number(rows[0]?.bytes ?? 0);
  }

  async markQueued(tx: Tx, accountId: number, id: number): Promise<ImportRow> {
    const [row] = await tx.rows<ImportRow>(
      `UPDATE records.imports SET status = 'queued', updated_at = now() WHERE account_id = $1 AND id = $2 RETURNING *`,
      [accountId, id],
    );
    return row;
  }

  /** One import nobody is working on (or whose worker's lease ran out), leased to this worker. */
  async claim(tx: Tx, leaseSeconds: number): Promise<ImportRow | null> {
    const rows = await tx.rows<ImportRow>(
      `UPDATE records.imports SET status = 'running', started_at = coalesce(started_at, now()),
              worker_until = now() + make_interval(secs => $1), updated_at = now()
       WHERE id = (SELECT id FROM records.imports
                   WHERE status = 'queued' OR (status = 'running' AND worker_until < now())
                   ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [leaseSeconds],
    );
    return rows[0] ?? null;
  }

  /** Uploads nobody finished (a client that went away): failed, and their chunks removed. */
  async failAbandonedUploads(tx: Tx): Promise<void> {
    await tx.rows(
      `WITH abandoned AS (
         UPDATE records.imports SET status = 'failed', error = 'the upload was never completed', finished_at = now(), updated_at = now()
         WHERE status = 'uploading' AND updated_at < now() - interval '1 hour' RETURNING id)
       DELETE FROM records.import_chunks WHERE import_id IN (SELECT id FROM abandoned)`,
    );
  }

  async chunk(tx: Tx, id: number, seq: number): Promise<Buffer | null> {
    const rows = await tx.rows<{ data: Buffer }>(`SELECT data FROM records.import_chunks WHERE import_id = $1 AND seq = $2`, [id, seq]);
    return rows[0]?.data ?? null;
  }

  /** A batch is committed with its progress and a renewed lease. */
  async advance(tx: Tx, row: ImportRow, progress: BatchProgress, leaseSeconds: number): Promise<void> {
    await tx.rows(
      `UPDATE records.imports SET bytes_read = $3, rows_read = $4, rows_created = rows_created + $5, rows_failed = rows_failed + $6,
              rows_skipped = rows_skipped + $7, worker_until = now() + make_interval(secs => $8), updated_at = now()
       WHERE account_id = $1 AND id = $2`,
      [row.account_id, row.id, progress.bytesRead, progress.rowsRead, progress.created, progress.failed, progress.skipped, leaseSeconds],
    );
  }

  async addErrors(tx: Tx, importId: number, errors: ImportErrorDto[]): Promise<void> {
    if (errors.length === 0) return;
    await tx.rows(
      `INSERT INTO records.import_errors (import_id, row_number, message)
       SELECT $1, e.row, e.message FROM unnest($2::int[], $3::text[]) AS e(row, message) ON CONFLICT DO NOTHING`,
      [importId, errors.map((e) => e.row), errors.map((e) => e.message.slice(0, 1000))],
    );
  }

  async finish(tx: Tx, row: ImportRow, error: string | null): Promise<ImportRow> {
    const [finished] = await tx.rows<ImportRow>(
      `UPDATE records.imports SET status = $3, error = $4, finished_at = now(), worker_until = NULL, updated_at = now()
       WHERE account_id = $1 AND id = $2 RETURNING *`,
      [row.account_id, row.id, error === null ? 'completed' : 'failed', error],
    );
    await tx.rows(`DELETE FROM records.import_chunks WHERE import_id = $1`, [row.id]);
    return finished;
  }

  errors(tx: Tx, accountId: number, importId: number, afterRow: number, limit: number): Promise<ImportErrorDto[]> {
    return tx.rows<ImportErrorDto>(
      `SELECT e.row_number AS row, e.message FROM records.import_errors e JOIN records.imports i ON i.id = e.import_id
       WHERE i.account_id = $1 AND e.import_id = $2 AND e.row_number > $3 ORDER BY e.row_number LIMIT $4`,
      [accountId, importId, afterRow, limit],
    );
  }

  /** What rows are checked against and completed with: the account's currency, stages, lead sources, custom fields. */
  async defaultsFor(tx: Tx, accountId: number, resourceType: RecordResourceType) {
    const [account] = await tx.rows<{ currency: string }>(`SELECT currency FROM records.accounts WHERE id = $1`, [accountId]);
    const stages = await tx.rows<{ id: number }>(
      `SELECT id FROM records.stages WHERE account_id = $1 AND active ORDER BY pipeline_id, position`,
      [accountId],
    );
    const sources = await tx.rows<{ id: number }>(`SELECT id FROM records.named_items WHERE account_id = $1 AND kind = 'lead_source'`, [
      accountId,
    ]);
    const customFields = await tx.rows<CustomFieldEntity>(
      `SELECT * FROM records.custom_fields WHERE account_id = $1 AND resource_type = $2 ORDER BY id`,
      [accountId, resourceType],
    );
    return {
      currency: account?.currency ?? 'USD',
      firstStageId: stages[0]?.id ?? null,
      stageIds: new Set(stages.map((s) => s.id)),
      leadSourceIds: new Set(sources.map((s) => s.id)),
      customFields,
    };
  }

  /** Emails (lower-cased) among these that a record of the table already has. */
  async existingEmails(tx: Tx, accountId: number, table: string, emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await tx.rows<{ email: string }>(
      `SELECT DISTINCT lower(email) AS email FROM ${table} WHERE account_id = $1 AND lower(email) = ANY($2)`,
      [accountId, emails],
    );
    return new Set(rows.map((row) => row.email));
  }

  /**
   * Insert a batch of records in one statement: `jsonb_populate_recordset` turns the JSON rows
   * into the table's row type; the listed columns take their values, the others their defaults.
   */
  insertRecords(tx: Tx, table: string, columns: string[], records: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const list = columns.join(', ');
    return tx.rows<Record<string, unknown>>(
      `INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) RETURNING *`,
      [JSON.stringify(records)],
    );
  }
}
