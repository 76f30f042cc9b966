import type { Tx } from '@crm/platform';
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
