import type { CustomFieldDto, RecordResourceType, SellErrorItem } from '@crm/contracts';
import { normalizeCustomFieldValue } from '../custom-fields/custom-field-values';

export type FieldDefinitions = ReadonlyMap<string, Pick<CustomFieldDto, 'name' | 'type' | 'choices'>>;

export function definitionsByName(fields: Pick<CustomFieldDto, 'name' | 'type' | 'choices'>[]): FieldDefinitions {
  return new Map(fields.map((field) => [field.name.toLowerCase(), field]));
}

const MAX_VALUES = 100;

/**
 * Check a smart list's `custom_fields` filter against the account's field definitions: every
 * name must be a field of the record type, every value must fit its type. Returns the filter
 * with names as defined and values as stored (so evaluation compares like with like).
 */
export function normalizeCustomFieldFilter(
  resourceType: RecordResourceType,
  filter: Record<string, unknown>,
  definitions: FieldDefinitions,
  errors: SellErrorItem[],
): Record<string, string | string[]> {
  const normalized: Record<string, string | string[]> = {};
  for (const [name, raw] of Object.entries(filter)) {
    const field = `/filters/custom_fields/${name}`;
    const definition = definitions.get(name.toLowerCase());
    if (!definition) {
      errors.push({ resource: 'smart_list', field, code: 'unknown', message: `${name} is not a custom field of ${resourceType}s` });
      continue;
    }
    if (definition.type === 'address') {
      errors.push({ resource: 'smart_list', field, code: 'invalid', message: 'address fields cannot be filtered on' });
      continue;
    }
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length === 0 || values.length > MAX_VALUES || !values.every((v): v is string => typeof v === 'string')) {
      errors.push({ resource: 'smart_list', field, code: 'invalid', message: `must be a text or a list of 1 to ${MAX_VALUES} texts` });
      continue;
    }
    const stored: string[] = [];
    for (const value of values) {
      const result = storedValue(definition, value);
      if ('error' in result) {
        errors.push({ resource: 'smart_list', field, code: 'invalid', message: `${JSON.stringify(value)}: ${result.error}` });
        break;
      }
      stored.push(result.text);
    }
    if (stored.length === values.length) normalized[definition.name] = Array.isArray(raw) ? stored : stored[0];
  }
  return normalized;
}

/**
 * The JSON fragments a record's `custom_fields` contains when it matches the filter (any value
 * matches). `@>` on them is what the `<table>_custom_fields` GIN index serves.
 */
export function customFieldContainments(filter: Record<string, string | string[]>, definitions: FieldDefinitions): string[][] {
  return Object.entries(filter).map(([name, raw]) => {
    const type = definitions.get(name.toLowerCase())?.type;
    const values = Array.isArray(raw) ? raw : [raw];
    return values.map((value) => {
      // Booleans are stored as JSON booleans and multi-select values as arrays (custom-field-values.ts).
      const json = type === 'bool' ? value === 'true' : type === 'multi_select_list' ? [value] : value;
      return JSON.stringify({ [name]: json });
    });
  });
}

function storedValue(definition: Pick<CustomFieldDto, 'name' | 'type' | 'choices'>, value: string): { text: string } | { error: string } {
  if (definition.type === 'bool') {
    return value === 'true' || value === 'false' ? { text: value } : { error: 'must be true or false' };
  }
  // A multi-select filter names one choice a record must hold among its values.
  const candidate = definition.type === 'multi_select_list' ? [value] : value;
  const result = normalizeCustomFieldValue(definition, candidate);
  if ('error' in result) return result;
  const stored = Array.isArray(result.value) ? result.value[0] : result.value;
  return typeof stored === 'string' ? { text: stored } : { error: 'cannot be filtered on' };
}
