import { DomainError, ListQuery, MAX_SEARCH_LENGTH, MIN_SEARCH_LENGTH } from '@crm/contracts';
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * How a filter parameter compares: comma-separated values match any of them where that makes sense.
 * `search`: the text anywhere in the column (a lower-cased expression with a trigram index).
 */
export type FilterKind = 'int' | 'text' | 'ilike' | 'bool' | 'date' | 'lower' | 'search';

export type FilterSpec =
  | { column: string; kind: FilterKind }
  /** Values outside the list are refused (400) rather than matching nothing. */
  | { column: string; kind: 'enum'; values: readonly string[] };

export interface ListSpec {
  resource: string;
  /** Sell's default order for this resource. */
  defaultSort: { field: string; direction: 'asc' | 'desc' };
  /** Sortable field → column (with alias). */
  sortable: Record<string, string>;
  /** Filter parameter → column expression and how to compare. */
  filters: Record<string, FilterSpec>;
  /** Column holding custom field values (jsonb keyed by field name), when the resource has them. */
  customFieldsColumn?: string;
  /** Unique column that makes the order total; `<alias>.id` unless the rows have no id. */
  tiebreaker?: string;
  /**
   * Sortable fields whose columns are never null. They are ordered without NULLS FIRST/LAST (the
   * same rows in the same order), so that a plain index on the column serves the order: Postgres
   * does not use the NOT NULL constraint to match `DESC NULLS LAST` to an index's backward scan,
   * and would read and sort every row. The tiebreaker is never null.
   */
  notNullSorts?: readonly string[];
}

/**
 * Apply Sell's list parameters to a query: filters, ids, custom_fields[...], sort_by and
 * page/per_page. One extra row is fetched to know whether a next page exists; the tiebreaker
 * makes the order total so pages never overlap.
 */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  query: ListQuery,
  spec: ListSpec,
): SelectQueryBuilder<T> {
  let n = 0;
  const param = () => `p${n++}`;
  if (query.ids?.length) qb.andWhere(`${alias}.id = ANY(:ids)`, { ids: query.ids });
  for (const [name, raw] of Object.entries(query.filters)) {
    const filter = spec.filters[name];
    if (!filter) throw invalidParam(name, `unknown filter ${name}`);
    qb.andWhere(...condition(filter, param(), name, raw));
  }
  for (const [field, value] of Object.entries(query.customFields)) {
    if (!spec.customFieldsColumn) throw invalidParam(`custom_fields[${field}]`, `${spec.resource} has no custom fields`);
    const nameKey = param();
    const valueKey = param();
    qb.andWhere(
      new Brackets((w) =>
        w
          .where(`${spec.customFieldsColumn} ->> :${nameKey} = :${valueKey}`)
          // multi-select lists hold arrays: match any element
          .orWhere(`${spec.customFieldsColumn} -> :${nameKey} ? :${valueKey}`),
      ),
      { [nameKey]: field, [valueKey]: value },
    );
  }
  const sort = query.sortBy ?? spec.defaultSort;
  const column = spec.sortable[sort.field];
  if (!column) throw invalidParam('sort_by', `cannot sort by ${sort.field}`);
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const tiebreaker = spec.tiebreaker ?? `${alias}.id`;
  const neverNull = column === tiebreaker || spec.notNullSorts?.includes(sort.field);
  qb.orderBy(column, direction, neverNull ? undefined : direction === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST');
  if (column !== tiebreaker) qb.addOrderBy(tiebreaker, direction);
  return qb.offset((query.page - 1) * query.perPage).limit(query.perPage + 1);
}

/** Split the extra row fetched by applyListQuery off the page. */
export function toPage<T>(rows: T[], query: ListQuery): { rows: T[]; hasMore: boolean } {
  const hasMore = rows.length > query.perPage;
  return { rows: hasMore ? rows.slice(0, query.perPage) : rows, hasMore };
}

function condition(filter: FilterSpec, key: string, name: string, raw: string): [string, ObjectLiteral] {
  const { column } = filter;
  switch (filter.kind) {
    case 'int': {
      const values = raw.split(',').map((v) => Number(v));
      if (values.some((v) => !Number.isSafeInteger(v))) throw invalidParam(name, `${name} must be an integer`);
      return [`${column} = ANY(:${key})`, { [key]: values }];
    }
    case 'bool':
      if (raw !== 'true' && raw !== 'false') throw invalidParam(name, `${name} must be true or false`);
      return [`${column} = :${key}`, { [key]: raw === 'true' }];
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw invalidParam(name, `${name} must be a date (YYYY-MM-DD)`);
      return [`${column} = :${key}`, { [key]: raw }];
    case 'lower':
      return [`lower(${column}) = lower(:${key})`, { [key]: raw }];
    case 'ilike':
      return [`${column} ILIKE :${key}`, { [key]: escapeLike(raw) }];
    case 'text':
      return [`${column} = ANY(:${key})`, { [key]: raw.split(',') }];
    case 'search': {
      const text = raw.trim();
      if (text.length < MIN_SEARCH_LENGTH || text.length > MAX_SEARCH_LENGTH) {
        throw invalidParam(name, `${name} must be ${MIN_SEARCH_LENGTH} to ${MAX_SEARCH_LENGTH} characters`);
      }
      return [`${column} LIKE lower(:${key})`, { [key]: `%${escapeLike(text)}%` }];
    }
    case 'enum': {
      const values = raw.split(',');
      const unknown = values.find((v) => !filter.values.includes(v));
      if (unknown !== undefined) throw invalidParam(name, `${name} must be one of ${filter.values.join(', ')}`);
      return [`${column} = ANY(:${key})`, { [key]: values }];
    }
  }
}

/** LIKE's wildcards and escape character as plain text. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}

function invalidParam(name: string, message: string): DomainError {
  return new DomainError(400, [{ field: `/${name}`, code: 'invalid_param', message }]);
}
