import type { CustomFieldType } from './attributes';

/** Response shapes, field for field as Sell's Core API v2 returns them. */

export interface AddressDto {
  line1: string | null;
  city: string | null;
  postal_code: string | null;
  state: string | null;
  country: string | null;
}

export type CustomFieldValues = Record<string, unknown>;

export interface AccountDto {
  id: number;
  name: string;
  currency: string;
  timezone: string;
  time_format: string;
  phone: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserDto {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'user';
  status: 'active' | 'inactive';
  confirmed: boolean;
  phone_number: string | null;
  timezone: string;
  role_id: number | null;
  group_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ApiTokenDto {
  id: number;
  user_id: number;
  name: string;
  /** Only in the reply that issued the token: it is stored hashed and never shown again. */
  access_token?: string;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

interface PartyDto {
  id: number;
  creator_id: number;
  owner_id: number;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  description: string | null;
  industry: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  fax: string | null;
  twitter: string | null;
  facebook: string | null;
  linkedin: string | null;
  skype: string | null;
  address: AddressDto | null;
  tags: string[];
  custom_fields: CustomFieldValues;
  created_at: string;
  updated_at: string;
}

export interface LeadDto extends PartyDto {
  organization_name: string | null;
  status: string;
  source_id: number | null;
  unqualified_reason_id: number | null;
}

export interface ContactDto extends PartyDto {
  is_organization: boolean;
  contact_id: number | null;
  parent_organization_id: number | null;
  name: string | null;
  customer_status: 'none' | 'current' | 'past';
  prospect_status: 'none' | 'current' | 'lost';
  billing_address: AddressDto | null;
  shipping_address: AddressDto | null;
  /** The account's global BCC address (Sell shows it on every contact): mail sent there is filed on the contact. */
  bcc_email: string | null;
}

export interface DealDto {
  id: number;
  creator_id: number;
  owner_id: number;
  name: string;
  value: string;
  currency: string;
  hot: boolean;
  stage_id: number;
  contact_id: number | null;
  organization_id: number | null;
  source_id: number | null;
  loss_reason_id: number | null;
  unqualified_reason_id: number | null;
  dropbox_email: string | null;
  estimated_close_date: string | null;
  customized_win_likelihood: number | null;
  last_stage_change_at: string | null;
  last_stage_change_by_id: number | null;
  added_at: string;
  tags: string[];
  custom_fields: CustomFieldValues;
  created_at: string;
  updated_at: string;
}

export interface AssociatedContactDto {
  contact_id: number;
  role: string;
  created_at: string;
  updated_at: string;
}

export interface PipelineDto {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

export const STAGE_CATEGORIES = ['incoming', 'qualified', 'quote', 'closure', 'won', 'lost', 'unqualified'] as const;
export type StageCategory = (typeof STAGE_CATEGORIES)[number];

export interface StageDto {
  id: number;
  name: string;
  category: StageCategory;
  position: number;
  likelihood: number;
  active: boolean;
  pipeline_id: number;
  created_at: string;
  updated_at: string;
}

/** One stage's deals on the pipeline board (extension): every deal the reader may see, not a page of them. */
export interface StageTotalDto {
  stage_id: number;
  count: number;
  /** One entry per currency, by currency code; `value` is a decimal string like deals' value. */
  values: { currency: string; count: number; value: string }[];
}

/** Tags, lead sources, deal sources and loss reasons share one shape. */
export interface NamedItemDto {
  id: number;
  creator_id: number;
  name: string;
  resource_type?: 'lead' | 'contact' | 'deal';
  created_at: string;
  updated_at: string;
}

export interface CustomFieldDto {
  id: number;
  name: string;
  type: CustomFieldType;
  choices: { id: number; name: string }[] | null;
  for_company: boolean;
  for_contact: boolean;
  created_at: string;
  updated_at: string;
}

/** What a token resolves to: the gateway caches this for a short time. */
export interface TokenIdentity {
  accountId: number;
  userId: number;
  role: 'admin' | 'user';
  tokenId: number;
}

/** A lead or contact found by email or phone, for the other services. */
export interface PartyMatch {
  resource_type: 'lead' | 'contact';
  resource_id: number;
  owner_id: number;
  name: string;
  email: string | null;
  phone: string | null;
}
