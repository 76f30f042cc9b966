import type {
  AccountDto,
  ApiTokenDto,
  AssociatedContactDto,
  ContactDto,
  CustomFieldDto,
  DealDto,
  LeadDto,
  NamedItemDto,
  PipelineDto,
  StageDto,
  UserDto,
} from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';

/**
 * The `data` of each response, field for field. Each table is typed by its contract DTO, so a
 * field added to or removed from a DTO fails the build until the documentation follows.
 */
type FieldKind =
  | 'integer'
  | 'string'
  | 'boolean'
  | 'decimal'
  | 'date'
  | 'date-time'
  | 'address'
  | 'tags'
  | 'custom_fields'
  | 'choices';
type FieldSpec = FieldKind | `${FieldKind}?`;
type Fields<T> = { [K in keyof Required<T>]: FieldSpec };

const ADDRESS: SchemaObject = {
  type: 'object',
  properties: Object.fromEntries(
    ['line1', 'city', 'postal_code', 'state', 'country'].map((key) => [key, { type: 'string', nullable: true }]),
  ),
};

function fieldSchema(kind: FieldKind): SchemaObject {
  switch (kind) {
    case 'integer':
    case 'string':
    case 'boolean':
      return { type: kind };
    case 'decimal':
      return { type: 'string', description: 'decimal number as a string', example: '1000.00' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'date-time':
      return { type: 'string', format: 'date-time' };
    case 'address':
      return ADDRESS;
    case 'tags':
      return { type: 'array', items: { type: 'string' } };
    case 'custom_fields':
      return { type: 'object', additionalProperties: true, description: 'values keyed by custom field name' };
    case 'choices':
      return { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } };
  }
}

function objectSchema<T>(fields: Fields<T>): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const [name, spec] of Object.entries(fields) as [string, FieldSpec][]) {
    const nullable = spec.endsWith('?');
    const schema = fieldSchema((nullable ? spec.slice(0, -1) : spec) as FieldKind);
    properties[name] = nullable ? { ...schema, nullable: true } : schema;
  }
  return { type: 'object', properties };
}

const TIMESTAMPS = { created_at: 'date-time', updated_at: 'date-time' } as const;

export const ACCOUNT_SCHEMA = objectSchema<AccountDto>({
  id: 'integer', name: 'string', currency: 'string', timezone: 'string', time_format: 'string', phone: 'string?', ...TIMESTAMPS,
});

export const USER_SCHEMA = objectSchema<UserDto>({
  id: 'integer', name: 'string', email: 'string', role: 'string', status: 'string', confirmed: 'boolean',
  phone_number: 'string?', timezone: 'string', role_id: 'integer?', group_id: 'integer?', ...TIMESTAMPS,
});

export const API_TOKEN_SCHEMA = objectSchema<ApiTokenDto>({
  id: 'integer', user_id: 'integer', name: 'string', access_token: 'string', last_used_at: 'date-time?',
  revoked_at: 'date-time?', created_at: 'date-time',
});
API_TOKEN_SCHEMA.properties!.access_token = {
  type: 'string',
  description: 'Only in the reply that issued the token; it is never shown again.',
};

const PARTY = {
  id: 'integer', creator_id: 'integer', owner_id: 'integer', first_name: 'string?', last_name: 'string?', title: 'string?',
  description: 'string?', industry: 'string?', website: 'string?', email: 'string?', phone: 'string?', mobile: 'string?',
  fax: 'string?', twitter: 'string?', facebook: 'string?', linkedin: 'string?', skype: 'string?', address: 'address?',
  tags: 'tags', custom_fields: 'custom_fields', ...TIMESTAMPS,
} as const;

export const LEAD_SCHEMA = objectSchema<LeadDto>({
  ...PARTY, organization_name: 'string?', status: 'string', source_id: 'integer?', unqualified_reason_id: 'integer?',
});

export const CONTACT_SCHEMA = objectSchema<ContactDto>({
  ...PARTY, is_organization: 'boolean', contact_id: 'integer?', parent_organization_id: 'integer?', name: 'string?',
  customer_status: 'string', prospect_status: 'string', billing_address: 'address?', shipping_address: 'address?', bcc_email: 'string?',
});

export const DEAL_SCHEMA = objectSchema<DealDto>({
  id: 'integer', creator_id: 'integer', owner_id: 'integer', name: 'string', value: 'decimal', currency: 'string',
  hot: 'boolean', stage_id: 'integer', contact_id: 'integer?', organization_id: 'integer?', source_id: 'integer?',
  loss_reason_id: 'integer?', unqualified_reason_id: 'integer?', dropbox_email: 'string?', estimated_close_date: 'date?',
  customized_win_likelihood: 'integer?', last_stage_change_at: 'date-time?', last_stage_change_by_id: 'integer?',
  added_at: 'date-time', tags: 'tags', custom_fields: 'custom_fields', ...TIMESTAMPS,
});

export const ASSOCIATED_CONTACT_SCHEMA = objectSchema<AssociatedContactDto>({
  contact_id: 'integer', role: 'string', ...TIMESTAMPS,
});

export const PIPELINE_SCHEMA = objectSchema<PipelineDto>({ id: 'integer', name: 'string', ...TIMESTAMPS });

export const STAGE_SCHEMA = objectSchema<StageDto>({
  id: 'integer', name: 'string', category: 'string', position: 'integer', likelihood: 'integer', active: 'boolean',
  pipeline_id: 'integer', ...TIMESTAMPS,
});

export const NAMED_ITEM_SCHEMA = objectSchema<NamedItemDto>({
  id: 'integer', creator_id: 'integer', name: 'string', resource_type: 'string', ...TIMESTAMPS,
});

export const CUSTOM_FIELD_SCHEMA = objectSchema<CustomFieldDto>({
  id: 'integer', name: 'string', type: 'string', choices: 'choices?', for_company: 'boolean', for_contact: 'boolean',
  ...TIMESTAMPS,
});
