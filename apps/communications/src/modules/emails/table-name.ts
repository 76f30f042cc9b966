import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Tx } from '@crm/platform';

/** The schema-qualified, quoted name of an entity's table, for hand-written SQL. */
export function tableOf(tx: Tx, entity: EntityTarget<ObjectLiteral>): string {
  return tx.manager
    .getRepository(entity)
    .metadata.tablePath.split('.')
    .map((part) => `"${part}"`)
    .join('.');
}
