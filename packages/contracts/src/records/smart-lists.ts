import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { RecordResourceType } from './payloads';

export class DateRange {
  @IsOptional() @IsDateString() from?: string;
  @IsOptional() @IsDateString() to?: string;
}

/**
 * A smart list's saved filter. Every key narrows the list (AND); lists inside a key match any
 * of their values (OR). A key that does not apply to the list's record type is refused.
 */
export class SmartListFilters {
  @IsOptional() @ArrayMaxSize(1000) @IsInt({ each: true }) owner_id?: number[];
  /** Leads: lead status. */
  @IsOptional() @ArrayMaxSize(100) @IsString({ each: true }) status?: string[];
  /** Deals: stage. */
  @IsOptional() @ArrayMaxSize(100) @IsInt({ each: true }) stage_id?: number[];
  /** Records carrying any of these tags. */
  @IsOptional() @ArrayMaxSize(100) @IsString({ each: true }) tags?: string[];
  /** Leads and deals: source. */
  @IsOptional() @ArrayMaxSize(100) @IsInt({ each: true }) source_id?: number[];
  /** Contacts. */
  @IsOptional() @ArrayMaxSize(3) @IsIn(['none', 'current', 'past'], { each: true }) customer_status?: string[];
  @IsOptional() @ArrayMaxSize(3) @IsIn(['none', 'current', 'lost'], { each: true }) prospect_status?: string[];
  @IsOptional() @IsBoolean() is_organization?: boolean;
  /** Deals. */
  @IsOptional() @IsBoolean() hot?: boolean;
  /** Custom field name → value (or any of several values). */
  @IsOptional() @IsObject() custom_fields?: Record<string, string | string[]>;
  @IsOptional() @ValidateNested() @Type(() => DateRange) created_at?: DateRange;
  @IsOptional() @ValidateNested() @Type(() => DateRange) updated_at?: DateRange;
  /** Text search over name, email, phone and company. */
  @IsOptional() @IsString() @MaxLength(255) q?: string;
}

export class SmartListAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @IsIn(['lead', 'contact', 'deal']) resource_type?: RecordResourceType;
  @IsOptional() @ValidateNested() @Type(() => SmartListFilters) filters?: SmartListFilters;
}

export interface SmartListDto {
  id: number;
  name: string;
  resource_type: RecordResourceType;
  filters: SmartListFilters;
  creator_id: number;
  created_at: string;
  updated_at: string;
}

export const BULK_ACTIONS = ['reassign_owner', 'add_tag', 'remove_tag'] as const;
export type BulkActionType = (typeof BULK_ACTIONS)[number];

export class BulkActionAttributes {
  @IsIn(BULK_ACTIONS) action: BulkActionType;
  /** reassign_owner: to one user… */
  @IsOptional() @IsInt() owner_id?: number;
  /** …or round robin through a distribution pool of the list's record type, each record in order. */
  @IsOptional() @IsInt() owner_pool_id?: number;
  /** add_tag, remove_tag */
  @IsOptional() @IsString() @MaxLength(255) tag?: string;
}

/** `allocating`: a pool is choosing the owners, before the job is queued. */
export type JobStatus = 'allocating' | 'queued' | 'running' | 'completed' | 'failed';

/**
 * A bulk action in progress. It acts on the records that matched the list when the job started
 * (`total`); records that come to match later are not touched.
 */
export interface JobDto {
  id: number;
  type: BulkActionType;
  status: JobStatus;
  smart_list_id: number;
  resource_type: RecordResourceType;
  owner_id: number | null;
  owner_pool_id: number | null;
  tag: string | null;
  total: number;
  processed: number;
  /** processed / total, 0..1 (1 when there was nothing to do). */
  progress: number;
  error: string | null;
  creator_id: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
