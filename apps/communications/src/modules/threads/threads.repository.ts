import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import type { RecordRef } from '../activities/item-columns';
import { tableOf } from '../emails/table-name';
import { ThreadEntity } from './entities/thread.entity';

@Injectable()
export class ThreadsRepository {
  async insert(tx: Tx, accountId: number, record: RecordRef, name: string, creatorId: number): Promise<ThreadEntity> {
    const [row] = await tx.rows<ThreadEntity>(
      `INSERT INTO ${tableOf(tx, ThreadEntity)} (account_id, resource_type, resource_id, name, creator_id) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [accountId, record.type, record.id, name, creatorId],
    );
    return row;
  }

  /** `lock`: keep the thread locked until the transaction ends (it cannot be renamed, moved or deleted meanwhile). */
  async find(tx: Tx, accountId: number, id: number, lock = false): Promise<ThreadEntity | null> {
    const [row] = await tx.rows<ThreadEntity>(
      `SELECT * FROM ${tableOf(tx, ThreadEntity)} WHERE account_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [accountId, id],
    );
    return row ?? null;
  }

  /** A record's threads, oldest first; one row more than asked when another page follows. */
  listOn(tx: Tx, accountId: number, record: RecordRef, offset: number, limit: number): Promise<ThreadEntity[]> {
    return tx.rows<ThreadEntity>(
      `SELECT * FROM ${tableOf(tx, ThreadEntity)} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3
       ORDER BY id OFFSET $4 LIMIT $5`,
      [accountId, record.type, record.id, offset, limit],
    );
  }

  async rename(tx: Tx, accountId: number, id: number, name: string): Promise<ThreadEntity> {
    const [row] = await tx.rows<ThreadEntity>(
      `UPDATE ${tableOf(tx, ThreadEntity)} SET name = $3, updated_at = now() WHERE account_id = $1 AND id = $2 RETURNING *`,
      [accountId, id, name],
    );
    return row;
  }

  /** The thread and its item rows go; the emails, calls, texts and notes stay. */
  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.rows(`DELETE FROM ${tableOf(tx, ThreadEntity)} WHERE account_id = $1 AND id = $2`, [accountId, id]);
  }

  async moveLeadToContact(tx: Tx, accountId: number, leadId: number, contactId: number): Promise<void> {
    await tx.rows(
      `UPDATE ${tableOf(tx, ThreadEntity)} SET resource_type = 'contact', resource_id = $3, updated_at = now()
       WHERE account_id = $1 AND resource_type = 'lead' AND resource_id = $2`,
      [accountId, leadId, contactId],
    );
  }

  async deleteOn(tx: Tx, accountId: number, record: RecordRef): Promise<void> {
    await tx.rows(`DELETE FROM ${tableOf(tx, ThreadEntity)} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3`, [
      accountId,
      record.type,
      record.id,
    ]);
  }
}
