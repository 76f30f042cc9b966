import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, MaxLength, ArrayMaxSize, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

/** Records notes, tasks, calls and texts hang on. */
export const ATTACHABLE_TYPES = ['lead', 'contact', 'deal'] as const;
export type AttachableType = (typeof ATTACHABLE_TYPES)[number];

export class NoteAttributes {
  @IsOptional() @IsString() @MaxLength(65535) content?: string;
  @IsOptional() @IsIn(ATTACHABLE_TYPES) resource_type?: AttachableType;
  @IsOptional() @IsInt() resource_id?: number;
  @IsOptional() @IsBoolean() is_important?: boolean;
  @IsOptional() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(255, { each: true }) tags?: string[];
}

export interface NoteDto {
  id: number;
  creator_id: number;
  content: string;
  resource_type: AttachableType;
  resource_id: number;
  is_important: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
}

export class TaskAttributes {
  @IsOptional() @IsString() @MaxLength(65535) content?: string;
  @IsOptional() @IsInt() owner_id?: number;
  @IsOptional() @IsDateString() due_date?: string | null;
  @IsOptional() @IsDateString() remind_at?: string | null;
  @IsOptional() @IsBoolean() completed?: boolean;
  /** Tasks may float (no resource) or hang on a lead, contact or deal. */
  @IsOptional() @IsIn(ATTACHABLE_TYPES) resource_type?: AttachableType | null;
  @IsOptional() @IsInt() resource_id?: number | null;
}

export interface TaskDto {
  id: number;
  creator_id: number;
  owner_id: number;
  content: string;
  due_date: string | null;
  remind_at: string | null;
  completed: boolean;
  completed_at: string | null;
  overdue: boolean;
  resource_type: AttachableType | null;
  resource_id: number | null;
  created_at: string;
  updated_at: string;
}

export class ConversionDealAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @IsInt() pipeline_id?: number;
  /** Must be a stage of `pipeline_id` when both are given; the pipeline's first stage otherwise. */
  @IsOptional() @IsInt() stage_id?: number;
  @IsOptional() @IsString() value?: string;
}

export class LeadConversionAttributes {
  @IsInt() lead_id: number;
  /** Owner of the new contact (and deal); defaults to the lead's owner. */
  @IsOptional() @IsInt() owner_id?: number;
  /** A contact pool, or with a deal a contact or deal pool: contact and deal go to the same next user. */
  @IsOptional() @IsInt() owner_pool_id?: number;
  @IsOptional() @IsBoolean() create_deal?: boolean;
  @IsOptional() @ValidateNested() @Type(() => ConversionDealAttributes) deal?: ConversionDealAttributes;
}

/** Sell's lead_conversions resource: what a lead became. */
export interface LeadConversionDto {
  id: number;
  lead_id: number;
  individual_id: number;
  organization_id: number | null;
  deal_id: number | null;
  creator_id: number;
  created_at: string;
}

export const PERMISSIONS = ['manage_settings', 'manage_users', 'reassign_records', 'delete_records', 'see_all_records'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export class RoleAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @ArrayMaxSize(PERMISSIONS.length) @IsIn(PERMISSIONS, { each: true }) permissions?: Permission[];
}

export interface RoleDto {
  id: number;
  name: string;
  permissions: Permission[];
  /** The three roles every account starts with (admin, manager, sales rep) cannot be deleted. */
  system: boolean;
  created_at: string;
  updated_at: string;
}

export class GroupAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
}

export interface GroupDto {
  id: number;
  name: string;
  user_ids: number[];
  created_at: string;
  updated_at: string;
}
