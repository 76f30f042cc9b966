import type { ListQuery } from '@crm/contracts';
import { DataSource } from 'typeorm';
import { applyListQuery, ListSpec } from './list-query';

const SPEC: ListSpec = {
  resource: 'email',
  defaultSort: { field: 'date', direction: 'desc' },
  sortable: { id: 'e.id', date: 'e.date', subject: 'e.subject' },
  filters: {},
  notNullSorts: ['date'],
};

/** The ORDER BY applyListQuery writes for `sort_by=field:direction`, as TypeORM holds it. */
function orderFor(field: string, direction: 'asc' | 'desc'): Record<string, unknown> {
  const qb = new DataSource({ type: 'postgres' }).createQueryBuilder().select('e.id').from('emails', 'e');
  const query: ListQuery = { filters: {}, customFields: {}, page: 1, perPage: 25, sortBy: { field, direction } };
  return applyListQuery(qb, 'e', query, SPEC).expressionMap.orderBys;
}

describe('applyListQuery order', () => {
  it('puts nulls first ascending and last descending on a column that may be null', () => {
    expect(orderFor('subject', 'asc')).toEqual({ 'e.subject': { order: 'ASC', nulls: 'NULLS FIRST' }, 'e.id': 'ASC' });
    expect(orderFor('subject', 'desc')).toEqual({ 'e.subject': { order: 'DESC', nulls: 'NULLS LAST' }, 'e.id': 'DESC' });
  });

  it('orders a never-null column and the tiebreaker plainly, as their indexes are ordered', () => {
    expect(orderFor('date', 'desc')).toEqual({ 'e.date': 'DESC', 'e.id': 'DESC' });
    expect(orderFor('id', 'desc')).toEqual({ 'e.id': 'DESC' });
    expect(orderFor('id', 'asc')).toEqual({ 'e.id': 'ASC' });
  });
});
