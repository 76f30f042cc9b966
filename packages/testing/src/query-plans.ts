import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, TransactionRunner, Tx } from '@crm/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

/**
 * Whether Postgres has to sort rows to answer `query` (a Sort or Incremental Sort node in its
 * plan) even when sorting is made as expensive as it can be: false means an index gives the
 * rows in the query's order, so a page costs its own rows and not the whole table's.
 */
export async function mustSort<T extends ObjectLiteral>(tx: Tx, query: SelectQueryBuilder<T>): Promise<boolean> {
  const [sql, parameters] = query.getQueryAndParameters();
  await tx.manager.query('SET LOCAL enable_sort = off');
  const [row] = await tx.manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
  await tx.manager.query('RESET enable_sort');
  const sorts = (node: PlanNode): boolean => /Sort$/.test(node['Node Type']) || (node.Plans ?? []).some(sorts);
  return sorts((row['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan);
}

/**
 * The `field direction` orders among `fields` (each ascending and descending) for which a page of
 * the list `spec` describes, over one account's rows (`rows(tx)`: the entity's query, aliased
 * `alias`), needs Postgres to sort: empty when an index serves every one of them.
 */
export async function ordersNeedingSort<T extends ObjectLiteral>(
  transactions: TransactionRunner,
  rows: (tx: Tx) => SelectQueryBuilder<T>,
  alias: string,
  spec: ListSpec,
  fields: string[],
): Promise<string[]> {
  const sorted: string[] = [];
  for (const field of fields) {
    for (const direction of ['asc', 'desc'] as const) {
      const query: ListQuery = { page: 2, perPage: 25, filters: {}, customFields: {}, sortBy: { field, direction } };
      const sorts = await transactions.run((tx) => mustSort(tx, applyListQuery(rows(tx).where(`${alias}.account_id = 1`), alias, query, spec)));
      if (sorts) sorted.push(`${field} ${direction}`);
    }
  }
  return sorted;
}
