import type { ImportDto } from '@crm/contracts';

export function isFinished(job: Pick<ImportDto, 'status'>): boolean {
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
