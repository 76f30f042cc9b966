import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { ITEM_COLUMNS, ItemRef } from '../activities/item-columns';
import { tableOf } from '../emails/table-name';
import { ThreadItemEntity } from './entities/thread-item.entity';

@Injectable()
export class ThreadItemsRepository {
  /** Put the item in the thread unless it is there already; the row as it stands (the first addition wins). */
  async add(tx: Tx, accountId: number, threadId: number, item: ItemRef, userId: number): Promise<ThreadItemEntity> {
    const items = tableOf(tx, ThreadItemEntity);
    const column = ITEM_COLUMNS[item.type];
    await tx.rows(`INSERT INTO ${items} (thread_id, account_id, ${column}, added_by_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      threadId,
      accountId,
      item.id,
      userId,
    ]);
    const [row] = await tx.rows<ThreadItemEntity>(`SELECT * FROM ${items} WHERE thread_id = $1 AND ${column} = $2`, [threadId, item.id]);
    return row;
  }

  /** Take the item out of the thread (the item itself stays); whether it was in it. */
  async remove(tx: Tx, threadId: number, item: ItemRef): Promise<boolean> {
    const rows = await tx.rows(`DELETE FROM ${tableOf(tx, ThreadItemEntity)} WHERE thread_id = $1 AND ${ITEM_COLUMNS[item.type]} = $2 RETURNING 1`, [
      threadId,
      item.id,
    ]);
    return rows.length > 0;
  }
}
