import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Lead attributes a public form may collect; anything else is a custom field of leads. */
export const LEAD_FORM_STANDARD_FIELDS = ['first_name', 'last_name', 'organization_name', 'title', 'email', 'phone', 'mobile', 'website', 'description'] as const;
export type LeadFormStandardField = (typeof LEAD_FORM_STANDARD_FIELDS)[number];

/** The hidden input bots fill and people do not; a submission carrying it creates nothing. */
export const LEAD_FORM_HONEYPOT_FIELD = 'website_url';

/** Longest accepted value of a submitted field: `description` is free text, the rest are short. */
export const LEAD_FORM_SHORT_FIELD_MAX = 255;
export const LEAD_FORM_LONG_FIELD_MAX = 10_000;

export class LeadFormFieldAttributes {
  /** A standard lead attribute (`email`) or, with `custom_field: true`, a custom field's name. */
  @IsString() @MinLength(1) @MaxLength(128) @Matches(/^[^\r\n<>"[\]]+$/, { message: 'name must not contain quotes, brackets or line breaks' })
  name!: string;
  @IsOptional() @IsString() @MaxLength(255) label?: string;
  @IsOptional() @IsBoolean() required?: boolean;
  @IsOptional() @IsBoolean() custom_field?: boolean;
}

/** What an admin sends to create or change a form. */
export class LeadFormAttributes {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(255) name?: string;
  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LeadFormFieldAttributes)
  fields?: LeadFormFieldAttributes[];
  @IsOptional() @IsInt() owner_id?: number | null;
  /** Instead of owner_id: each new lead goes to this lead pool's next member. */
  @IsOptional() @IsInt() owner_pool_id?: number | null;
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2048) redirect_url?: string | null;
}

export interface LeadFormField {
  name: string;
  label: string;
  required: boolean;
  custom_field: boolean;
}

export interface LeadFormDto {
  id: number;
  creator_id: number;
  name: string;
  fields: LeadFormField[];
  owner_id: number | null;
  owner_pool_id: number | null;
  /** The public key of the submission URL: unguessable, unique across accounts. */
  token: string;
  active: boolean;
  redirect_url: string | null;
  created_at: string;
  updated_at: string;
}

/** A public submission: no actor, the form's token names the account. */
export interface SubmitLeadFormRequest {
  token: string;
  data: unknown;
  correlationId?: string;
}

/** `leadId` null: the honeypot was filled and nothing was created (the client is not told). */
export interface LeadFormSubmissionReply {
  leadId: number | null;
  redirectUrl: string | null;
}
