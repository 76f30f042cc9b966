import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
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
}
