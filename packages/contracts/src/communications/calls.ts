import { ArrayMaxSize, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ATTACHABLE_TYPES, AttachableType } from '../records/lifecycle';

/** A call logged by hand or recorded by telephony, in Sell's fields. */
export class CallAttributes {
  @IsOptional() @IsInt() user_id?: number;
  @IsOptional() @IsString() @MaxLength(65535) summary?: string | null;
  @IsOptional() @IsString() @MaxLength(2048) recording_url?: string | null;
  @IsOptional() @IsInt() outcome_id?: number | null;
  @IsOptional() @IsInt() @Min(0) duration?: number;
  @IsOptional() @IsString() @MaxLength(64) phone_number?: string;
  @IsOptional() @IsBoolean() incoming?: boolean;
  @IsOptional() @IsBoolean() missed?: boolean;
  @IsOptional() @IsString() @MaxLength(255) external_id?: string | null;
  @IsOptional() @IsIn(ATTACHABLE_TYPES) resource_type?: AttachableType | null;
  @IsOptional() @IsInt() resource_id?: number | null;
  @IsOptional() @ArrayMaxSize(100) @IsInt({ each: true }) associated_deal_ids?: number[];
  @IsOptional() @IsDateString() made_at?: string;
}

export interface CallDto {
  id: number;
  user_id: number;
  summary: string | null;
  recording_url: string | null;
  outcome_id: number | null;
  duration: number;
  phone_number: string;
  incoming: boolean;
  missed: boolean;
  external_id: string | null;
  resource_type: AttachableType | null;
  resource_id: number | null;
  associated_deal_ids: number[];
  made_at: string;
  created_at: string;
  updated_at: string;
  /** Our extension: telephony's id of the call's recording (voicemail or recorded call), if any. */
  recording_id?: number | null;
}

export interface CallOutcomeDto {
  id: number;
  name: string;
  creator_id: number | null;
  created_at: string;
  updated_at: string;
}

/** Sell's text message: read-only through the API. */
export interface TextMessageDto {
  id: number;
  associated_deal_ids: number[];
  content: string;
  incoming: boolean;
  resource_type: 'lead' | 'contact' | null;
  resource_id: number | null;
  resource_phone_number: string;
  sent_at: string;
  user_id: number | null;
  user_phone_number: string;
  created_at: string;
  updated_at: string;
}
