import { Injectable } from '@nestjs/common';
import type { AttachableType, ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { ResourceOwnersRepository } from '../record-support/resource-owners.repository';
import { NoteEntity } from './entities/note.entity';

const LIST: ListSpec = {
  resource: 'note',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'n.id', created_at: 'n.created_at', updated_at: 'n.updated_at' },
  filters: {
    creator_id: { column: 'n.creator_id', kind: 'int' },
    resource_type: { column: 'n.resource_type', kind: 'text' },
    resource_id: { column: 'n.resource_id', kind: 'int' },
    is_important: { column: 'n.is_important', kind: 'bool' },
  },
};

@Injectable()
export class NotesRepository {
  constructor(private readonly owners: ResourceOwnersRepository) {}

  async list(tx: Tx, accountId: number, query: ListQuery, ownerScope: number | null) {
    const qb = tx.manager.getRepository(NoteEntity).createQueryBuilder('n').where('n.account_id = :accountId', { accountId });
    if (ownerScope !== null) qb.andWhere(this.owners.ownedResourceCondition('n'), { ownerScope });
    return toPage(await applyListQuery(qb, 'n', query, LIST).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<NoteEntity | null> {
    return tx.manager.getRepository(NoteEntity).findOneBy({ account_id: accountId, id });
  }

  save(tx: Tx, note: Partial<NoteEntity> & { account_id: number }): Promise<NoteEntity> {
    const repository = tx.manager.getRepository(NoteEntity);
    return repository.save(repository.create(note));
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(NoteEntity).delete({ account_id: accountId, id });
  }

  /** Remove every note of a record; returns their ids. */
  async deleteAttachedTo(tx: Tx, accountId: number, type: AttachableType, id: number): Promise<number[]> {
    const rows = await tx.rows<{ id: number }>(
      `DELETE FROM records.notes WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3 RETURNING id`,
      [accountId, type, id],
    );
    return rows.map((row) => row.id);
  }

  /** Move every note of one record onto another (a converted lead's notes onto its contact). */
  async repoint(tx: Tx, accountId: number, from: { type: AttachableType; id: number }, to: { type: AttachableType; id: number }) {
    const rows = await tx.rows<{ id: number }>(
      `UPDATE records.notes SET resource_type = $4, resource_id = $5, updated_at = now()
       WHERE account_id = $1 AND resource_type = $2 AND resource_id = $3 RETURNING id`,
      [accountId, from.type, from.id, to.type, to.id],
    );
    return rows.map((row) => row.id);
  }
}
