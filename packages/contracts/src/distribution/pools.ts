import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { RecordResourceType } from '../records/payloads';

export class PoolMemberAttributes {
  @IsInt() user_id: number;
  /** A member with weight 2 gets twice as many records as one with weight 1. */
  @IsOptional() @IsInt() @Min(1) @Max(100) weight?: number;
  /** Away: skipped until unpaused. */
  @IsOptional() @IsBoolean() paused?: boolean;
  /** At most this many assignments per day (UTC); null for no cap. */
  @IsOptional() @IsInt() @Min(1) daily_cap?: number | null;
}

export class DistributionPoolAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @IsIn(['lead', 'contact', 'deal']) resource_type?: RecordResourceType;
  /** In assignment order; replaces the whole list on update. */
  @IsOptional() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => PoolMemberAttributes) members?: PoolMemberAttributes[];
}

export interface PoolMemberDto {
  user_id: number;
  position: number;
  weight: number;
  paused: boolean;
  daily_cap: number | null;
  /** Assigned today (UTC), for the cap. */
  assigned_today: number;
  /** False when the user is inactive: skipped automatically. */
  active: boolean;
}

export interface DistributionPoolDto {
  id: number;
  name: string;
  resource_type: RecordResourceType;
  members: PoolMemberDto[];
  creator_id: number;
  created_at: string;
  updated_at: string;
}

/** One line of the assignment log: who got which record from which pool, and why. */
export interface AssignmentDto {
  id: number;
  pool_id: number;
  user_id: number;
  resource_type: RecordResourceType;
  resource_id: number | null;
  /** How the member was chosen: their turn, and who was skipped (paused, inactive, at cap). */
  reason: string;
  source: string;
  created_at: string;
}

export interface NextOwnersRequest {
  accountId: number;
  userId: number;
  correlationId?: string;
  poolId: number;
  /** The record types the caller may assign here: a pool serves only its own (422 otherwise). */
  resourceTypes: RecordResourceType[];
  count: number;
  /** Where the assignment comes from (api, import, form, conversion, smart_list, integration). */
  source: string;
}

export interface NextOwnersReply {
  resourceType: RecordResourceType;
  /** One owner per requested record, in order. */
  ownerIds: number[];
  assignmentIds: number[];
}

export interface RecordAssignmentsRequest {
  accountId: number;
  assignmentIds: number[];
  resourceIds: number[];
}
