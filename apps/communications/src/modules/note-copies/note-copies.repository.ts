import { Injectable } from '@nestjs/common';
import type { AttachableType, NoteDto } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { tableOf } from '../emails/table-name';
import { NoteCopyEntity } from './entities/note-copy.entity';

@Injectable()
export class NoteCopiesRepository {
  /** From a created or updated event: applied unless the copy already holds a newer version. */
  async upsert(tx: Tx, accountId: number, note: NoteDto): Promise<void> {
    await tx.rows(
      `INSERT INTO ${tableOf(tx, NoteCopyEntity)} AS n
         (id, account_id, creator_id, content, resource_type, resource_id, is_important, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE
         SET content = EXCLUDED.content, resource_type = EXCLUDED.resource_type, resource_id = EXCLUDED.resource_id,
             is_important = EXCLUDED.is_important, updated_at = EXCLUDED.updated_at
         WHERE n.account_id = EXCLUDED.account_id AND n.updated_at <= EXCLUDED.updated_at`,
      [note.id, accountId, note.creator_id, note.content, note.resource_type, note.resource_id, note.is_important, note.created_at, note.updated_at],
    );
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.rows(`DELETE FROM ${tableOf(tx, NoteCopyEntity)} WHERE account_id = $1 AND id = $2`, [accountId, id]);
  }

  /** Records moves a converted lead's notes to its contact without note events: the copy follows the conversion event. */
  async moveLeadToContact(tx: Tx, accountId: number, leadId: number, contactId: number): Promise<void> {
    await tx.rows(
      `UPDATE ${tableOf(tx, NoteCopyEntity)} SET resource_type = 'contact', resource_id = $3
       WHERE account_id = $1 AND resource_type = 'lead' AND resource_id = $2`,
      [accountId, leadId, contactId],
    );
  }

  /** Records deletes a deleted record's notes (and says so note by note); this only makes sure. */
  async deleteOn(tx: Tx, accountId: number, type: AttachableType, id: number): Promise<void> {
    await tx.rows(`DELETE FROM ${tableOf(tx, NoteCopyEntity)} WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3`, [
      accountId,
      type,
      id,
    ]);
  }
}
