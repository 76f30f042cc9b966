import type { ImportDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { ImportRow } from './imports.repository';

export function toImportDto(row: ImportRow): ImportDto {
  const bytes = Number(row.bytes);
  const done = row.status === 'completed' || row.status === 'failed';
  return {
    id: row.id,
    resource_type: row.resource_type,
    status: row.status,
    mapping: row.mapping,
    owner_id: row.owner_id,
    owner_pool_id: row.owner_pool_id,
    dedupe_key: row.dedupe_key,
    bytes,
    rows_read: row.rows_read,
    rows_created: row.rows_created,
    rows_failed: row.rows_failed,
    rows_skipped: row.rows_skipped,
    progress: done ? 1 : bytes === 0 ? 0 : Math.min(1, Number(row.bytes_read) / bytes),
    error: row.error,
    creator_id: row.creator_id,
    created_at: iso(row.created_at),
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
  };
}
