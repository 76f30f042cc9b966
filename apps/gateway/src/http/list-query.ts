import { DEFAULT_PER_PAGE, DomainError, ListQuery, MAX_PER_PAGE, MAX_SEARCH_LENGTH, MIN_SEARCH_LENGTH, SellErrorItem } from '@crm/contracts';
import { MAX_RECORD_ID } from './path-id.pipe';

/**
 * How a filter's value must look; anything else is refused before records is asked. `search`:
 * free text of MIN_SEARCH_LENGTH to MAX_SEARCH_LENGTH characters (after trimming).
 */
export type FilterKind = 'integer' | 'boolean' | 'text' | 'date' | 'search';

/** What one list endpoint accepts in its query string besides `page` and `per_page`. */
export interface ListSpec {
  /** Named in error messages (`lead`, `deal`, ...). */
  resource: string;
  /** Per-resource filters, by Sell's parameter name (`owner_id`, `address[city]`). */
  filters: Readonly<Record<string, FilterKind>>;
  /** `ids=` and `sort_by=`, for lists the records service pages and sorts itself. */
  selectable: boolean;
  /** `custom_fields[Name]=value`. */
  customFieldFilters: boolean;
}

/** A list that is only paged: no filters, ids or sorting. */
export function pagedOnly(resource: string): ListSpec {
  return { resource, filters: {}, selectable: false, customFieldFilters: false };
}

const MAX_IDS = 1000;
const SORT_BY = /^([A-Za-z_][A-Za-z0-9_.]*)(?::(asc|desc))?$/i;
const POSITIVE_INTEGER = /^[1-9][0-9]{0,9}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CUSTOM_FIELD_PARAM = /^custom_fields\[(.+)\]$/s;

function invalidParam(resource: string, name: string, message: string): SellErrorItem {
  return { resource, field: `/${name}`, code: 'invalid_param', message: `${name}: ${message}` };
}

function isPositiveId(value: string): boolean {
  return POSITIVE_INTEGER.test(value) && Number(value) <= MAX_RECORD_ID;
}

function filterValueProblem(kind: FilterKind, value: string): string | undefined {
  if (value === '') return 'must not be empty';
  switch (kind) {
    case 'integer':
      // Sell joins several values with commas (`owner_id=1,2`); records matches any of them.
      return value.split(',').every(isPositiveId) ? undefined : 'must be a positive integer or a comma-separated list of them';
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'must be true or false';
    case 'date':
      return DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'text':
      return undefined;
    case 'search': {
      const length = value.trim().length;
      return length >= MIN_SEARCH_LENGTH && length <= MAX_SEARCH_LENGTH ? undefined : `must be ${MIN_SEARCH_LENGTH} to ${MAX_SEARCH_LENGTH} characters`;
    }
  }
}

/**
 * Parse a list request's query string into a `ListQuery`, or refuse it: an unknown or malformed
 * parameter is a 400 `invalid_param` naming it (Sell's behaviour), a `per_page` out of range a 422.
 * Bracketed names (`address[city]`) are taken literally, as Sell's clients send them.
 */
export function parseListQuery(params: URLSearchParams, spec: ListSpec): ListQuery {
  const query: ListQuery = { page: 1, perPage: DEFAULT_PER_PAGE, filters: {}, customFields: {} };
  const problems: SellErrorItem[] = [];
  const seen = new Set<string>();
  const refuse = (name: string, message: string) => problems.push(invalidParam(spec.resource, name, message));

  for (const [name, value] of params) {
    if (seen.has(name)) {
      refuse(name, 'given more than once (join several values with commas)');
      continue;
    }
    seen.add(name);
    const customField = CUSTOM_FIELD_PARAM.exec(name);

    if (name === 'page') {
      if (POSITIVE_INTEGER.test(value)) query.page = Number(value);
      else refuse(name, 'must be an integer of at least 1');
    } else if (name === 'per_page') {
      if (/^[0-9]{1,9}$/.test(value)) query.perPage = Number(value);
      else refuse(name, `must be an integer from 1 to ${MAX_PER_PAGE}`);
    } else if (name === 'sort_by' && spec.selectable) {
      const match = SORT_BY.exec(value);
      if (match) query.sortBy = { field: match[1], direction: (match[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
      else refuse(name, 'must be field:asc or field:desc');
    } else if (name === 'ids' && spec.selectable) {
      const ids = value.split(',').map((id) => id.trim());
      if (ids.length > MAX_IDS) refuse(name, `at most ${MAX_IDS} ids`);
      else if (ids.every(isPositiveId)) query.ids = ids.map(Number);
      else refuse(name, 'must be a comma-separated list of positive integer ids');
    } else if (customField && spec.customFieldFilters) {
      query.customFields[customField[1]] = value;
    } else if (Object.prototype.hasOwnProperty.call(spec.filters, name)) {
      const problem = filterValueProblem(spec.filters[name], value);
      if (problem) refuse(name, problem);
      else query.filters[name] = value;
    } else {
      refuse(name, `unknown parameter for ${spec.resource} lists`);
    }
  }

  if (problems.length > 0) throw new DomainError(400, problems);
  if (query.perPage < 1 || query.perPage > MAX_PER_PAGE) {
    throw new DomainError(422, [
      {
        resource: spec.resource,
        field: '/per_page',
        code: 'invalid',
        message: `per_page must be between 1 and ${MAX_PER_PAGE}`,
      },
    ]);
  }
  return query;
}

/** The query string of a request URL, read literally (no nesting of bracketed keys). */
export function searchParamsOf(originalUrl: string): URLSearchParams {
  const start = originalUrl.indexOf('?');
  return new URLSearchParams(start === -1 ? '' : originalUrl.slice(start + 1));
}
