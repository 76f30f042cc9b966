import { DomainError, MIN_SEARCH_LENGTH, SellErrorItem, SmartListFilters } from '@crm/contracts';
import { escapeLike } from '@crm/platform';
import { normalizeTags } from '../../common/party-attributes';
import { customFieldContainments, FieldDefinitions, normalizeCustomFieldFilter } from './custom-field-filters';
import type { FilterKey, SmartListTarget } from './smart-list-targets';

/** A WHERE condition with its named parameters (TypeORM `:name` style, all prefixed `sl_`). */
export interface FilterCondition {
  sql: string;
  params: Record<string, unknown>;
}

const LIST_KEYS = ['owner_id', 'status', 'stage_id', 'tags', 'source_id', 'customer_status', 'prospect_status'] as const;

/**
 * The checks class-validator cannot make: which keys apply to the list's record type, custom
 * field names and values, ranges that make sense, no empty "any of" lists. Returns the filters
 * as they are stored (tags as a set, custom field names as defined, text search trimmed), or
 * throws one 422 listing every problem.
 */
export function normalizeFilters(target: SmartListTarget, sent: SmartListFilters, definitions: FieldDefinitions): SmartListFilters {
  const errors: SellErrorItem[] = [];
  const invalid = (key: string, message: string, code: SellErrorItem['code'] = 'invalid') =>
    errors.push({ resource: 'smart_list', field: `/filters/${key}`, code, message });
  // class-transformer defines every declared key, sent or not, and IsOptional lets null through:
  // a key left out or null does not filter.
  const filters = withoutBlanks(sent) as SmartListFilters;
  if (filters.created_at) filters.created_at = withoutBlanks(filters.created_at);
  if (filters.updated_at) filters.updated_at = withoutBlanks(filters.updated_at);
  const normalized: SmartListFilters = { ...filters };

  for (const key of Object.keys(normalized) as FilterKey[]) {
    if (!target.filters.has(key)) invalid(key, `${key} is not a filter of ${target.resourceType} lists`, 'unknown');
  }
  for (const key of LIST_KEYS) {
    const values = filters[key];
    if (values !== undefined && values.length === 0) invalid(key, 'must name at least one value');
  }
  if (filters.tags) normalized.tags = normalizeTags(filters.tags);
  for (const key of ['created_at', 'updated_at'] as const) {
    const range = filters[key];
    if (!range) continue;
    if (!range.from && !range.to) invalid(key, 'give from, to or both');
    else if ([range.from, range.to].some((d) => d !== undefined && Number.isNaN(rangeStart(d).getTime()))) invalid(key, 'not a valid date');
    else if (range.from && range.to && rangeStart(range.from) > rangeEnd(range.to).at) invalid(key, 'from is after to');
  }
  if (filters.q !== undefined) {
    normalized.q = filters.q.trim();
    if (normalized.q.length < MIN_SEARCH_LENGTH) invalid('q', `must be at least ${MIN_SEARCH_LENGTH} characters`);
  }
  if (filters.custom_fields && target.filters.has('custom_fields')) {
    normalized.custom_fields = normalizeCustomFieldFilter(target.resourceType, filters.custom_fields, definitions, errors);
  }
  if (errors.length > 0) throw new DomainError(422, errors);
  return normalized;
}

/** The saved filters as SQL over `target.alias`: every key narrows (AND), values within a key widen (OR). */
export function filterConditions(target: SmartListTarget, filters: SmartListFilters, definitions: FieldDefinitions): FilterCondition[] {
  const a = target.alias;
  const conditions: FilterCondition[] = [];
  const anyOf = (column: string, key: string, values: unknown[] | undefined) => {
    if (values) conditions.push({ sql: `${a}.${column} = ANY(:sl_${key})`, params: { [`sl_${key}`]: values } });
  };
  anyOf('owner_id', 'owner_id', filters.owner_id);
  anyOf('status', 'status', filters.status);
  anyOf('stage_id', 'stage_id', filters.stage_id);
  anyOf('source_id', 'source_id', filters.source_id);
  anyOf('customer_status', 'customer_status', filters.customer_status);
  anyOf('prospect_status', 'prospect_status', filters.prospect_status);
  if (filters.is_organization !== undefined) {
    conditions.push({ sql: `${a}.is_organization = :sl_is_organization`, params: { sl_is_organization: filters.is_organization } });
  }
  if (filters.hot !== undefined) conditions.push({ sql: `${a}.hot = :sl_hot`, params: { sl_hot: filters.hot } });
  if (filters.tags) {
    // The expression of the `<table>_tags` GIN index: tags compared ignoring case.
    conditions.push({
      sql: `records.lowercase_tags(${a}.tags) && CAST(:sl_tags AS text[])`,
      params: { sl_tags: filters.tags.map((tag) => tag.toLowerCase()) },
    });
  }
  for (const key of ['created_at', 'updated_at'] as const) {
    const range = filters[key];
    if (range?.from) conditions.push({ sql: `${a}.${key} >= :sl_${key}_from`, params: { [`sl_${key}_from`]: rangeStart(range.from) } });
    if (range?.to) {
      const end = rangeEnd(range.to);
      conditions.push({ sql: `${a}.${key} ${end.inclusive ? '<=' : '<'} :sl_${key}_to`, params: { [`sl_${key}_to`]: end.at } });
    }
  }
  if (filters.custom_fields) {
    customFieldContainments(filters.custom_fields, definitions).forEach((fragments, i) => {
      const params = Object.fromEntries(fragments.map((json, j) => [`sl_cf_${i}_${j}`, json]));
      const sql = Object.keys(params).map((name) => `${a}.custom_fields @> CAST(:${name} AS jsonb)`);
      conditions.push({ sql: `(${sql.join(' OR ')})`, params });
    });
  }
  if (filters.q) {
    conditions.push({ sql: `${target.searchText} LIKE lower(:sl_q)`, params: { sl_q: `%${escapeLike(filters.q)}%` } });
  }
  return conditions;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A range's `from`; a bare date starts at midnight UTC. */
function rangeStart(from: string): Date {
  return new Date(DATE_ONLY.test(from) ? `${from}T00:00:00Z` : from);
}

/** A range's `to` is inclusive: a bare date covers that whole day (UTC). */
function rangeEnd(to: string): { at: Date; inclusive: boolean } {
  if (!DATE_ONLY.test(to)) return { at: new Date(to), inclusive: true };
  const next = new Date(`${to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { at: next, inclusive: false };
}

function withoutBlanks<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

