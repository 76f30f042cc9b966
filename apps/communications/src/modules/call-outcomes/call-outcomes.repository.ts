import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { CallOutcomeEntity } from './entities/call-outcome.entity';

const LIST: ListSpec = {
  resource: 'call_outcome',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'o.id', name: 'o.name', created_at: 'o.created_at', updated_at: 'o.updated_at' },
  filters: {},
};

@Injectable()
export class CallOutcomesRepository {
  async list(tx: Tx, accountId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(CallOutcomeEntity).createQueryBuilder('o').where('o.account_id = :accountId', { accountId });
    return toPage(await applyListQuery(qb, 'o', query, LIST).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<CallOutcomeEntity | null> {
    return tx.manager.getRepository(CallOutcomeEntity).findOneBy({ account_id: accountId, id });
  }

  exists(tx: Tx, accountId: number): Promise<boolean> {
    return tx.manager.getRepository(CallOutcomeEntity).exists({ where: { account_id: accountId } });
  }

  /** Names already there are skipped (unique per account), so racing first requests are harmless. */
  async insertMissing(tx: Tx, accountId: number, names: readonly string[]): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(CallOutcomeEntity)
      .values(names.map((name) => ({ account_id: accountId, name, creator_id: null })))
      .orIgnore()
      .execute();
  }
}
