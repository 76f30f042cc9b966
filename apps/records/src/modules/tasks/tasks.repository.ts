import { Injectable } from '@nestjs/common';
import { DomainError, ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { ResourceOwnersRepository } from '../record-support/resource-owners.repository';
import { TaskEntity } from './entities/task.entity';

const LIST: ListSpec = {
  resource: 'task',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 't.id', due_date: 't.due_date', created_at: 't.created_at', updated_at: 't.updated_at' },
  filters: {
    creator_id: { column: 't.creator_id', kind: 'int' },
    owner_id: { column: 't.owner_id', kind: 'int' },
    resource_type: { column: 't.resource_type', kind: 'text' },
    resource_id: { column: 't.resource_id', kind: 'int' },
    completed: { column: 't.completed', kind: 'bool' },
  },
};

@Injectable()
export class TasksRepository {
  constructor(private readonly owners: ResourceOwnersRepository) {}

  /** `overdue` is derived (open and due in the past), so it is filtered here rather than by column. */
  async list(tx: Tx, accountId: number, query: ListQuery, ownerScope: number | null) {
    const qb = tx.manager.getRepository(TaskEntity).createQueryBuilder('t').where('t.account_id = :accountId', { accountId });
    if (ownerScope !== null) {
      qb.andWhere(`(t.owner_id = :ownerScope OR ${this.owners.ownedResourceCondition('t')})`, { ownerScope });
    }
    const { overdue, ...filters } = query.filters;
    if (overdue !== undefined) {
      if (overdue !== 'true' && overdue !== 'false') {
        throw new DomainError(400, [{ field: '/overdue', code: 'invalid_param', message: 'overdue must be true or false' }]);
      }
      qb.andWhere(overdue === 'true' ? 'NOT t.completed AND t.due_date < now()' : '(t.completed OR t.due_date IS NULL OR t.due_date >= now())');
    }
    return toPage(await applyListQuery(qb, 't', { ...query, filters }, LIST).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<TaskEntity | null> {
    return tx.manager.getRepository(TaskEntity).findOneBy({ account_id: accountId, id });
  }

  save(tx: Tx, task: Partial<TaskEntity> & { account_id: number }): Promise<TaskEntity> {
    const repository = tx.manager.getRepository(TaskEntity);
    return repository.save(repository.create(task));
  }

  async delete(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(TaskEntity).delete({ account_id: accountId, id });
  }
}
