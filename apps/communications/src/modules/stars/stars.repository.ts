import { Injectable } from '@nestjs/common';
import type { StarrableType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { ITEM_COLUMNS } from '../activities/item-columns';
import { tableOf } from '../emails/table-name';
import { StarEntity } from './entities/star.entity';

@Injectable()
export class StarsRepository {
  /** Star the item unless it is starred already; the star as it stands (the first one wins). */
  async add(tx: Tx, accountId: number, type: StarrableType, id: number, userId: number): Promise<StarEntity> {
    const stars = tableOf(tx, StarEntity);
    const column = ITEM_COLUMNS[type];
    await tx.rows(`INSERT INTO ${stars} (account_id, ${column}, starred_by_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [accountId, id, userId]);
    const [star] = await tx.rows<StarEntity>(`SELECT * FROM ${stars} WHERE account_id = $1 AND ${column} = $2`, [accountId, id]);
    return star;
  }

  async remove(tx: Tx, accountId: number, type: StarrableType, id: number): Promise<void> {
    await tx.rows(`DELETE FROM ${tableOf(tx, StarEntity)} WHERE account_id = $1 AND ${ITEM_COLUMNS[type]} = $2`, [accountId, id]);
  }
}
