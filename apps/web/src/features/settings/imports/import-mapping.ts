import type { RecordResourceType } from '@crm/contracts';
import { SKIP, type ColumnTargets } from './ColumnMapping';
import { guessTarget, IMPORT_FIELDS } from './import-fields';

/** First guesses for every column; a field guessed twice goes to the first column only. */
export function guessTargets(header: string[], type: RecordResourceType, customFields: string[]): ColumnTargets {
  const taken = new Set<string>();
  return header.map((h) => {
    const guess = guessTarget(h, type, customFields);
    if (!guess || taken.has(guess)) return SKIP;
    taken.add(guess);
    return guess;
  });
}

/** Whether the API would fill a field from this header by itself (a header that is a field's name). */
function namesAField(header: string, type: RecordResourceType, customFields: string[]): boolean {
  const lower = header.trim().toLowerCase();
  const custom = new Set(customFields.map((name) => name.toLowerCase()));
  return (
    IMPORT_FIELDS[type].some(([name]) => name === lower) ||
    custom.has(lower) ||
    (lower.startsWith('custom_fields.') && custom.has(lower.slice('custom_fields.'.length)))
  );
}

/**
 * The import's `mapping` (CSV header → field). A skipped column is left out, unless its header
 * names a field — the API would fill that field from it — so it is mapped to "" (not imported).
 */
export function mappingOf(header: string[], targets: ColumnTargets, type: RecordResourceType, customFields: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  header.forEach((raw, i) => {
    const name = raw.trim();
    const target = targets[i] ?? SKIP;
    if (target !== SKIP) mapping[name] = target;
    else if (namesAField(name, type, customFields)) mapping[name] = '';
  });
  return mapping;
}

/** What a lead or contact cannot be created without, to warn before the whole file fails. */
export function missingRequiredWarning(targets: ColumnTargets, type: RecordResourceType): string | null {
  const has = (field: string) => targets.includes(field);
  if (type === 'lead' && !has('last_name') && !has('organization_name')) return 'No column fills Last name or Company: every lead needs one, so rows without them will fail.';
  if (type === 'contact' && !has('last_name') && !has('name')) return 'No column fills Last name or Organization name: rows without them will fail.';
  if (type === 'deal' && !has('name')) return 'No column fills Deal name: every row will fail.';
  return null;
}
