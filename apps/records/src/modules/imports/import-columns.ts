import type { RecordResourceType } from '@crm/contracts';
import type { CustomFieldEntity } from '../custom-fields/entities/custom-field.entity';

const PARTY = ['first_name', 'last_name', 'title', 'description', 'industry', 'website', 'email', 'phone', 'mobile', 'fax', 'twitter', 'facebook', 'linkedin', 'skype'];
const ADDRESS = ['line1', 'city', 'postal_code', 'state', 'country'];

/** The fields a CSV column may fill, per record type (owners come from the import's options). */
export const IMPORTABLE: Record<RecordResourceType, ReadonlySet<string>> = {
  lead: new Set([...PARTY, 'organization_name', 'status', 'source_id', ...ADDRESS.map((a) => `address.${a}`)]),
  contact: new Set([...PARTY, 'is_organization', 'name', ...ADDRESS.map((a) => `address.${a}`)]),
  deal: new Set(['name', 'value', 'currency', 'hot', 'stage_id', 'estimated_close_date']),
};

export type ColumnTarget =
  | { kind: 'field'; name: string }
  | { kind: 'tags' }
  | { kind: 'custom'; field: CustomFieldEntity }
  | { kind: 'ignored' };

/**
 * What each column of the header fills: the import's mapping first (header → field), else a
 * header that is itself a field or custom field name (case-insensitive). A mapping to "" leaves
 * the column out (so a column named after a field can still be skipped); a mapping to something
 * else that is not a field is an error; an unmapped unknown header is ignored.
 */
export function resolveColumns(
  header: string[],
  mapping: Record<string, string>,
  resourceType: RecordResourceType,
  customFields: CustomFieldEntity[],
): { columns: ColumnTarget[] } | { error: string } {
  const byName = new Map(customFields.map((field) => [field.name.toLowerCase(), field]));
  const importable = IMPORTABLE[resourceType];
  const columns: ColumnTarget[] = [];
  for (const rawHeader of header) {
    const headerName = rawHeader.trim();
    const mapped = mapping[headerName];
    if (mapped !== undefined && mapped.trim() === '') {
      columns.push({ kind: 'ignored' });
      continue;
    }
    const target = (mapped ?? headerName).trim();
    const lower = target.toLowerCase();
    if (lower === 'tags') columns.push({ kind: 'tags' });
    else if (importable.has(lower)) columns.push({ kind: 'field', name: lower });
    else if (lower.startsWith('custom_fields.') && byName.has(lower.slice('custom_fields.'.length))) {
      columns.push({ kind: 'custom', field: byName.get(lower.slice('custom_fields.'.length))! });
    } else if (byName.has(lower)) columns.push({ kind: 'custom', field: byName.get(lower)! });
    else if (mapped !== undefined) return { error: `mapping: "${headerName}" → "${mapped}" is not a ${resourceType} field or custom field` };
    else columns.push({ kind: 'ignored' });
  }
  if (columns.every((column) => column.kind === 'ignored')) {
    return { error: `no column of the first line names a ${resourceType} field: the file needs a header row (e.g. first_name,last_name,email)` };
  }
  return { columns };
}
