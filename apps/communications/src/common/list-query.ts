import { DomainError, ListQuery } from '@crm/contracts';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Sell's list parameters for this service's lists, adapted from apps/records/src/common/list-query.ts
 * (apps do not import each other). Calls and texts have no custom fields; their enum filters
 * (`resource_type`) refuse unknown values instead of matching nothing.
 */
export type FilterSpec =
  | { column: string; kind: 'int' | 'bool' }
  | { column: string; kind: 'enum'; values: readonly string[] };

export interface ListSpec {
  resource: string;
  /** Sell's default order for this resource. */
  defaultSort: { field: string; direction: 'asc' | 'desc' };
  /** Sortable field → column (with alias). */
  sortable: Record<string, string>;
  /** Filter parameter → column (with alias) and how to compare. */
  filters: Record<string, FilterSpec>;
}

/**
 * Apply filters, ids, sort_by and page/per_page. One extra row is fetched to know whether a
 * next page exists; the row id breaks ties so pages never overlap.
 */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  query: ListQuery,
  spec: ListSpec,
): SelectQueryBuilder<T> {
  if (query.ids?.length) qb.andWhere(`${alias}.id = ANY(:ids)`, { ids: query.ids });
  let n = 0;
  for (const [name, raw] of Object.entries(query.filters)) {
    const filter = spec.filters[name];
    if (!filter) throw invalidParam(name, `unknown filter ${name}`);
    qb.andWhere(...condition(filter, `f${n++}`, name, raw));
  }
  const [customField] = Object.keys(query.customFields);
  if (customField !== undefined) throw invalidParam(`custom_fields[${customField}]`, `${spec.resource} has no custom fields`);

  const sort = query.sortBy ?? spec.defaultSort;
  const column = spec.sortable[sort.field];
  if (!column) throw invalidParam('sort_by', `cannot sort by ${sort.field}`);
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  qb.orderBy(column, direction, direction === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST');
  if (column !== `${alias}.id`) qb.addOrderBy(`${alias}.id`, direction);
  return qb.offset((query.page - 1) * query.perPage).limit(query.perPage + 1);
}

/** Split the extra row fetched by applyListQuery off the page. */
export function toPage<T>(rows: T[], query: ListQuery): { rows: T[]; hasMore: boolean } {
  const hasMore = rows.length > query.perPage;
  return { rows: hasMore ? rows.slice(0, query.perPage) : rows, hasMore };
}

function condition(filter: FilterSpec, key: string, name: string, raw: string): [string, ObjectLiteral] {
  switch (filter.kind) {
    case 'int': {
      const values = raw.split(',').map((v) => Number(v));
      if (values.some((v) => !Number.isSafeInteger(v))) throw invalidParam(name, `${name} must be an integer`);
      return [`${filter.column} = ANY(:${key})`, { [key]: values }];
    }
    case 'bool':
      if (raw !== 'true' && raw !== 'false') throw invalidParam(name, `${name} must be true or false`);
      return [`${filter.column} = :${key}`, { [key]: raw === 'true' }];
    case 'enum': {
      const values = raw.split(',');
      const unknown = values.find((v) => !filter.values.includes(v));
      if (unknown !== undefined) throw invalidParam(name, `${name} must be one of ${filter.values.join(', ')}`);
      return [`${filter.column} = ANY(:${key})`, { [key]: values }];
    }
  }
}

function invalidParam(name: string, message: string): DomainError {
  return new DomainError(400, [{ field: `/${name}`, code: 'invalid_param', message }]);
}
