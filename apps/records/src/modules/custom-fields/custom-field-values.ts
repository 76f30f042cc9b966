import { isEmail, isISO8601, isURL } from 'class-validator';
import type { CustomFieldType } from '@crm/contracts';

const ADDRESS_KEYS = new Set(['line1', 'city', 'postal_code', 'state', 'country']);

export interface FieldDefinition {
  name: string;
  type: CustomFieldType;
  choices: { id: number; name: string }[] | null;
}

/**
 * The stored form of a custom field value, or an error message when the value does not fit the
 * field's type. Numbers are kept as decimal strings, as Sell returns them.
 */
export function normalizeCustomFieldValue(field: FieldDefinition, value: unknown): { value: unknown } | { error: string } {
  if (value === null) return { value: null };
  const choiceNames = new Set((field.choices ?? []).map((c) => c.name));
  switch (field.type) {
    case 'string':
    case 'phone':
      return typeof value === 'string' && value.length <= 255 ? { value } : { error: 'must be a text of at most 255 characters' };
    case 'text':
      return typeof value === 'string' && value.length <= 65535 ? { value } : { error: 'must be a text' };
    case 'number': {
      const text = typeof value === 'number' ? String(value) : value;
      return typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text.trim()) ? { value: text.trim() } : { error: 'must be a number' };
    }
    case 'bool':
      return typeof value === 'boolean' ? { value } : { error: 'must be true or false' };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isISO8601(value, { strict: true })
        ? { value }
        : { error: 'must be a date (YYYY-MM-DD)' };
    case 'datetime':
      return typeof value === 'string' && isISO8601(value, { strict: true }) && value.includes('T')
        ? { value: new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z') }
        : { error: 'must be an ISO 8601 date and time' };
    case 'email':
      return typeof value === 'string' && isEmail(value) ? { value } : { error: 'must be an email address' };
    case 'url':
      return typeof value === 'string' && isURL(value, { require_protocol: false }) ? { value } : { error: 'must be a URL' };
    case 'list':
      return typeof value === 'string' && choiceNames.has(value) ? { value } : { error: `must be one of: ${[...choiceNames].join(', ')}` };
    case 'multi_select_list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && choiceNames.has(v))
        ? { value: [...new Set(value)] }
        : { error: `must be a list of: ${[...choiceNames].join(', ')}` };
    case 'address':
      return typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.entries(value).every(([k, v]) => ADDRESS_KEYS.has(k) && (v === null || typeof v === 'string'))
        ? { value }
        : { error: 'must be an address object (line1, city, postal_code, state, country)' };
  }
}
