import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';

/** A deal value as stored (numeric(17,2)): up to 15 digits before the point and 2 after. */
const DECIMAL_VALUE = /^-?\d{1,15}(\.\d{1,2})?$/;

/**
 * A valid deal value as the decimal string to store, without passing a string through a float
 * ("999999999999999.99" stays exact); numbers are rounded to cents.
 */
export function decimalValueOf(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '0.00';
  if (typeof value === 'number') return value.toFixed(2);
  const [whole, cents = ''] = value.trim().split('.');
  return `${whole}.${cents.padEnd(2, '0')}`;
}

/** Sell sends deal values as decimal strings ("1000.50") and some clients as numbers. */
export function IsDecimalValue(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimalValue',
      validator: {
        // A number's shortest spelling must fit too: 1e20 or 0.1 + 0.2 are refused, not rounded into overflow.
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value) && DECIMAL_VALUE.test(String(value))) ||
          (typeof value === 'string' && DECIMAL_VALUE.test(value.trim())),
        defaultMessage: () => 'value must be a decimal number with at most 2 decimal places',
      },
    },
    options,
  );
}

export class AddressAttributes {
  @IsOptional() @IsString() @MaxLength(255) line1?: string | null;
  @IsOptional() @IsString() @MaxLength(255) city?: string | null;
  @IsOptional() @IsString() @MaxLength(64) postal_code?: string | null;
  @IsOptional() @IsString() @MaxLength(255) state?: string | null;
  @IsOptional() @IsString() @MaxLength(255) country?: string | null;
}

/** Contact details shared by leads and contacts. */
class PartyAttributes {
  @IsOptional() @IsInt() owner_id?: number;
  /** Instead of owner_id: the next owner from this distribution pool (needs the reassign right). */
  @IsOptional() @IsInt() owner_pool_id?: number;
  @IsOptional() @IsString() @MaxLength(255) first_name?: string | null;
  @IsOptional() @IsString() @MaxLength(255) last_name?: string | null;
  @IsOptional() @IsString() @MaxLength(255) title?: string | null;
  @IsOptional() @IsString() @MaxLength(65535) description?: string | null;
  @IsOptional() @IsString() @MaxLength(255) industry?: string | null;
  @IsOptional() @IsString() @MaxLength(255) website?: string | null;
  @IsOptional() @IsEmail() @MaxLength(255) email?: string | null;
  @IsOptional() @IsString() @MaxLength(64) phone?: string | null;
  @IsOptional() @IsString() @MaxLength(64) mobile?: string | null;
  @IsOptional() @IsString() @MaxLength(64) fax?: string | null;
  @IsOptional() @IsString() @MaxLength(255) twitter?: string | null;
  @IsOptional() @IsString() @MaxLength(255) facebook?: string | null;
  @IsOptional() @IsString() @MaxLength(255) linkedin?: string | null;
  @IsOptional() @IsString() @MaxLength(255) skype?: string | null;
  @IsOptional() @ValidateNested() @Type(() => AddressAttributes) address?: AddressAttributes | null;
  @IsOptional() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(255, { each: true }) tags?: string[];
  @IsOptional() @IsObject() custom_fields?: Record<string, unknown>;
}

export class LeadAttributes extends PartyAttributes {
  @IsOptional() @IsString() @MaxLength(255) organization_name?: string | null;
  @IsOptional() @IsString() @MaxLength(64) status?: string;
  @IsOptional() @IsInt() source_id?: number | null;
  @IsOptional() @IsInt() unqualified_reason_id?: number | null;
}

export const CUSTOMER_STATUSES = ['none', 'current', 'past'] as const;
export const PROSPECT_STATUSES = ['none', 'current', 'lost'] as const;

export class ContactAttributes extends PartyAttributes {
  @IsOptional() @IsBoolean() is_organization?: boolean;
  @IsOptional() @IsInt() contact_id?: number | null;
  @IsOptional() @IsString() @MaxLength(255) name?: string | null;
  @IsOptional() @IsIn(CUSTOMER_STATUSES) customer_status?: (typeof CUSTOMER_STATUSES)[number];
  @IsOptional() @IsIn(PROSPECT_STATUSES) prospect_status?: (typeof PROSPECT_STATUSES)[number];
  @IsOptional() @ValidateNested() @Type(() => AddressAttributes) billing_address?: AddressAttributes | null;
  @IsOptional() @ValidateNested() @Type(() => AddressAttributes) shipping_address?: AddressAttributes | null;
}

export class DealAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @IsInt() owner_id?: number;
  /** Instead of owner_id: the next owner from this distribution pool (needs the reassign right). */
  @IsOptional() @IsInt() owner_pool_id?: number;
  @IsOptional() @IsDecimalValue() value?: string | number | null;
  @IsOptional() @IsString() @MaxLength(3) currency?: string;
  @IsOptional() @IsBoolean() hot?: boolean;
  @IsOptional() @IsInt() stage_id?: number;
  @IsOptional() @IsInt() contact_id?: number | null;
  @IsOptional() @IsInt() source_id?: number | null;
  @IsOptional() @IsInt() loss_reason_id?: number | null;
  @IsOptional() @IsInt() unqualified_reason_id?: number | null;
  @IsOptional() @IsDateString() estimated_close_date?: string | null;
  @IsOptional() @IsDateString() last_stage_change_at?: string | null;
  @IsOptional() @IsDateString() added_on?: string | null;
  @IsOptional() @IsInt() @Min(0) customized_win_likelihood?: number | null;
  @IsOptional() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(255, { each: true }) tags?: string[];
  @IsOptional() @IsObject() custom_fields?: Record<string, unknown>;
}

export class AssociatedContactAttributes {
  @IsInt() contact_id: number;
  @IsOptional() @IsString() @MaxLength(64) role?: string;
}

export const USER_ROLES = ['admin', 'user'] as const;
export const USER_STATUSES = ['active', 'inactive'] as const;

export class UserAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @IsEmail() @MaxLength(255) email?: string;
  @IsOptional() @IsIn(USER_ROLES) role?: (typeof USER_ROLES)[number];
  @IsOptional() @IsIn(USER_STATUSES) status?: (typeof USER_STATUSES)[number];
  @IsOptional() @IsString() @MaxLength(64) phone_number?: string | null;
  @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  /** Our extension: the user's role (permissions); Sell's `role` says admin or user. */
  @IsOptional() @IsInt() role_id?: number;
  @IsOptional() @IsInt() group_id?: number | null;
}

export class ApiTokenAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
}

export class NamedItemAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @IsIn(['lead', 'contact', 'deal']) resource_type?: 'lead' | 'contact' | 'deal';
}

export const CUSTOM_FIELD_TYPES = [
  'address',
  'bool',
  'date',
  'datetime',
  'email',
  'list',
  'multi_select_list',
  'number',
  'phone',
  'string',
  'text',
  'url',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export class CustomFieldAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @IsIn(CUSTOM_FIELD_TYPES) type?: CustomFieldType;
  @IsOptional() @ArrayMaxSize(500) @IsString({ each: true }) choices?: string[];
  @IsOptional() @IsBoolean() for_company?: boolean;
  @IsOptional() @IsBoolean() for_contact?: boolean;
}

export class AccountAttributes {
  @IsOptional() @IsString() @MaxLength(255) name?: string;
  @IsOptional() @IsString() @MaxLength(3) currency?: string;
  @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  @IsOptional() @IsNumber() seats?: number;
}
