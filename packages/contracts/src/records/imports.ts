import { IsIn, IsInt, IsObject, IsOptional } from 'class-validator';
import type { Actor } from '../common/envelope';
import type { RecordResourceType } from './payloads';

/**
 * A CSV import's options. `mapping`: CSV header → field (`first_name`, `tags`, `custom_fields.Tier`
 * or a custom field's name), or "" to leave the column out; headers that already are field names
 * map themselves.
 */
export class ImportOptionsAttributes {
  @IsIn(['lead', 'contact', 'deal']) resource_type: RecordResourceType;
  @IsOptional() @IsObject() mapping?: Record<string, string>;
  @IsOptional() @IsInt() owner_id?: number;
  /** Each row in order to the pool's next member. */
  @IsOptional() @IsInt() owner_pool_id?: number;
  /** Rows whose email a lead (or contact) of the account already has are skipped, not duplicated. */
  @IsOptional() @IsIn(['email']) dedupe_key?: 'email';
}

export type ImportStatus = 'uploading' | 'queued' | 'running' | 'completed' | 'failed';

export interface ImportDto {
  id: number;
  resource_type: RecordResourceType;
  status: ImportStatus;
  mapping: Record<string, string>;
  owner_id: number | null;
  owner_pool_id: number | null;
  dedupe_key: 'email' | null;
  /** Size of the uploaded file. */
  bytes: number;
  /** Rows read so far, and what became of them. */
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

export interface ImportErrorDto {
  /** The record's number in the file, the header being record 1 (a quoted value may span lines). */
  row: number;
  message: string;
}

export interface AppendImportChunkRequest extends Actor {
  importId: number;
  seq: number;
  /** Base64 of at most 512 KiB of the file, in order. */
  data: string;
}

export interface ImportErrorsRequest extends Actor {
  importId: number;
  afterRow: number;
  limit: number;
}
