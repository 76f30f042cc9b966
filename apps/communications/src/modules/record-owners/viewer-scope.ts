import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ViewerScope } from '../records-access/records-access.service';
import { RecordOwnerEntity } from './entities/record-owner.entity';

/**
 * Limit a query over calls or text messages (alias with `user_id`, `resource_type`,
 * `resource_id`, `account_id`) to what the viewer may see: their own, and those attached to a
 * record they own. A viewer who sees the whole account is not limited.
 */
export function restrictToViewer<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, viewer: ViewerScope): SelectQueryBuilder<T> {
  if (viewer === null) return qb;
  const owned = qb
    .subQuery()
    .select('1')
    .from(RecordOwnerEntity, 'ro')
    .where(`ro.account_id = ${alias}.account_id`)
    .andWhere(`ro.resource_type = ${alias}.resource_type`)
    .andWhere(`ro.resource_id = ${alias}.resource_id`)
    .andWhere('ro.owner_id = :viewer')
    .getQuery();
  return qb.andWhere(
    new Brackets((w) => w.where(`${alias}.user_id = :viewer`).orWhere(`EXISTS ${owned}`)),
    { viewer },
  );
}
