import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { AccountEntity } from './entities/account.entity';

@Injectable()
export class AccountsRepository {
  find(tx: Tx, accountId: number): Promise<AccountEntity | null> {
    return tx.manager.getRepository(AccountEntity).findOneBy({ id: accountId });
  }

  count(tx: Tx): Promise<number> {
    return tx.manager.getRepository(AccountEntity).count();
  }

  save(tx: Tx, account: Partial<AccountEntity>): Promise<AccountEntity> {
    const repository = tx.manager.getRepository(AccountEntity);
    return repository.save(repository.create(account));
  }
}
