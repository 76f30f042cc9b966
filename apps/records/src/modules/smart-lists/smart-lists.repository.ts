import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { SmartListEntity } from './entities/smart-list.entity';

const LIST: ListSpec = {
  resource: 'smart_list',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 's.id', name: 's.name', created_at: 's.created_at', updated_at: 's.updated_at' },
  filters: {
    name: { column: 's.name', kind: 'lower' },
    resource_type: { column: 's.resource_type', kind: 'text' },
    creator_id: { column: 's.creator_id', kind: 'int' },
  },
};

/** The saved definitions; what they match is SmartListRecordsRepository's. */
@Injectable()
export class SmartListsRepository {
  async list(tx: Tx, accountId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(SmartListEntity).createQueryBuilder('s').where('s.account_id = :accountId', { accountId });
    return toPage(await applyListQuery(qb, 's', query, LIST).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<SmartListEntity | null> {
    return tx.manager.getRepository(SmartListEntity).findOneBy({ account_id: accountId, id });
  }

  /** For update: the row stays locked until the transaction ends. */
  findForUpdate(tx: Tx, accountId: number, id: number): Promise<SmartListEntity | null> {
    return tx.manager
      .getRepository(SmartListEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.account_id = :accountId AND s.id = :id', { accountId, id })
      .getOne();
  }

  save(tx: Tx, list: Partial<SmartListEntity> & { account_id: number }): Promise<SmartListEntity> {
    const repository = tx.manager.getRepository(SmartListEntity);
    return repository.save(repository.create(list));
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(SmartListEntity).delete({ account_id: accountId, id });
  }
}
