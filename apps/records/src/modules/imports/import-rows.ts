import {
  ContactAttributes,
  DealAttributes,
  DomainError,
  LeadAttributes,
  parseAttributes,
  RecordResourceType,
} from '@crm/contracts';
import { normalizeCustomFieldValue } from '../custom-fields/custom-field-values';
import type { ColumnTarget } from './import-columns';

const ATTRIBUTE_CLASSES = { lead: LeadAttributes, contact: ContactAttributes, deal: DealAttributes } as const;
const BOOLEAN_FIELDS = new Set(['is_organization', 'hot']);
const INTEGER_FIELDS = new Set(['source_id', 'stage_id']);
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export type RowResult = { attributes: Record<string, unknown> } | { error: string };

/**
 * One CSV record as validated attributes, exactly as the API would accept them (the same
 * attribute classes and custom field types), or the reason it cannot be imported.
 */
export function rowToAttributes(values: string[], columns: ColumnTarget[], resourceType: RecordResourceType): RowResult {
  if (values.length !== columns.length) return { error: `the row has ${values.length} values, the header ${columns.length}` };
  const attributes: Record<string, unknown> = {};
  const address: Record<string, string> = {};
  const customFields: Record<string, unknown> = {};
  const problems: string[] = [];
  columns.forEach((column, i) => {
    const value = values[i].trim();
    if (value === '' || column.kind === 'ignored') return;
    if (column.kind === 'tags') attributes.tags = value.split(/[;,]/).map((tag) => tag.trim()).filter(Boolean);
    else if (column.kind === 'custom') {
      const raw = column.field.type === 'bool' ? toBoolean(value) : column.field.type === 'multi_select_list' ? value.split(/[;,]/).map((v) => v.trim()) : value;
      const result = normalizeCustomFieldValue(column.field, raw);
      if ('error' in result) problems.push(`${column.field.name}: ${result.error}`);
      else customFields[column.field.name] = result.value;
    } else if (column.name.startsWith('address.')) address[column.name.slice('address.'.length)] = value;
    else if (BOOLEAN_FIELDS.has(column.name)) attributes[column.name] = toBoolean(value);
    else if (INTEGER_FIELDS.has(column.name)) attributes[column.name] = /^\d+$/.test(value) ? Number(value) : value;
    else attributes[column.name] = value;
  });
  if (Object.keys(address).length > 0) attributes.address = address;
  if (problems.length > 0) return { error: problems.join('; ') };
  try {
    parseAttributes(resourceType, ATTRIBUTE_CLASSES[resourceType], attributes);
  } catch (error) {
    if (error instanceof DomainError) return { error: error.errors.map((e) => `${e.field?.slice(1) ?? ''}: ${e.message}`).join('; ') };
    throw error;
  }
  const missing = missingRequired(resourceType, attributes);
  if (missing) return { error: missing };
  if (Object.keys(customFields).length > 0) attributes.custom_fields = customFields;
  return { attributes };
}

function missingRequired(resourceType: RecordResourceType, attributes: Record<string, unknown>): string | undefined {
  if (resourceType === 'lead' && !attributes.last_name && !attributes.organization_name) return 'a lead needs last_name or organization_name';
  if (resourceType === 'contact' && attributes.is_organization === true && !attributes.name) return 'an organization needs a name';
  if (resourceType === 'contact' && attributes.is_organization !== true && !attributes.last_name) return 'a person needs a last_name';
  if (resourceType === 'deal' && !attributes.name) return 'a deal needs a name';
  return undefined;
}

function toBoolean(value: string): boolean | string {
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return value;
}
