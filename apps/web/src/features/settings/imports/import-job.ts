/** A CSV import as the API returns it (`GET /v2/imports/:id`). */
export type ImportRecordType = 'lead' | 'contact' | 'deal';
export type ImportStatus = 'uploading' | 'queued' | 'running' | 'completed' | 'failed';

export interface CsvImport {
  id: number;
  resource_type: ImportRecordType;
  status: ImportStatus;
  mapping: Record<string, string>;
  owner_id: number | null;
  owner_pool_id: number | null;
  dedupe_key: 'email' | null;
  bytes: number;
  rows_read: number;
  rows_created: number;
  rows_failed: number;
  rows_skipped: number;
  /** Share of the file read, 0..1. */
  progress: number;
  error: string | null;
  creator_id: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export function isFinished(job: Pick<CsvImport, 'status'>): boolean {
  return job.status === 'completed' || job.status === 'failed';
}

/** The CSV of rows that could not be imported (row number, reason), straight from the API. */
export function errorReportUrl(id: number): string {
  return `/v2/imports/${id}/errors`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
