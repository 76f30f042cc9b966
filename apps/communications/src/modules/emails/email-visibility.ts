import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RecordOwnerEntity } from '../record-owners/entities/record-owner.entity';
import type { ViewerScope } from '../records-access/records-access.service';
import { EmailLinkEntity } from './entities/email-link.entity';

/**
 * Limit a query over emails to what the viewer may see, by the rule calls and texts follow
 * (README, "Visibility"): their own (`user_id`, the user who sent or forwarded it, or in their
 * Communication Center's mailbox), and those linked to any lead, contact or deal they own. A
 * viewer who sees the whole account is not limited.
 */
export function restrictEmailsToViewer<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  viewer: ViewerScope,
): SelectQueryBuilder<T> {
  if (viewer === null) return qb;
  const owned = qb
    .subQuery()
    .select('1')
    .from(EmailLinkEntity, 'vl')
    .innerJoin(
      RecordOwnerEntity,
      'ro',
      'ro.account_id = vl.account_id AND ro.resource_type = vl.resource_type AND ro.resource_id = vl.resource_id',
    )
    .where(`vl.email_id = ${alias}.id`)
    .andWhere(`vl.account_id = ${alias}.account_id`)
    .andWhere('ro.owner_id = :viewer')
    .getQuery();
  const schema = qb.connection.driver.schema;
  const inMailbox = `SELECT 1 FROM "${schema}".mailbox_entries vm WHERE vm.email_id = ${alias}.id AND vm.user_id = :viewer`;
  return qb.andWhere(
    new Brackets((w) => w.where(`${alias}.user_id = :viewer`).orWhere(`EXISTS ${owned}`).orWhere(`EXISTS (${inMailbox})`)),
    { viewer },
  );
}
