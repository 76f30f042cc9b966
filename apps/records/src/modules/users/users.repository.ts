import { Injectable } from '@nestjs/common';
import type { ListQuery } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { ApiTokenEntity } from './entities/api-token.entity';
import { UserEntity } from './entities/user.entity';

const USER_LIST: ListSpec = {
  resource: 'user',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'u.id', name: 'u.name', email: 'u.email', created_at: 'u.created_at', updated_at: 'u.updated_at' },
  filters: {
    name: { column: 'u.name', kind: 'lower' },
    email: { column: 'u.email', kind: 'lower' },
    role: { column: 'u.role', kind: 'text' },
    status: { column: 'u.status', kind: 'text' },
    role_id: { column: 'u.role_id', kind: 'int' },
    group_id: { column: 'u.group_id', kind: 'int' },
  },
};

export interface ActiveToken {
  token: ApiTokenEntity;
  user: UserEntity;
}

@Injectable()
export class UsersRepository {
  async list(tx: Tx, accountId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(UserEntity).createQueryBuilder('u').where('u.account_id = :accountId', { accountId });
    return toPage(await applyListQuery(qb, 'u', query, USER_LIST).getMany(), query);
  }

  find(tx: Tx, accountId: number, id: number): Promise<UserEntity | null> {
    return tx.manager.getRepository(UserEntity).findOneBy({ account_id: accountId, id });
  }

  findByEmail(tx: Tx, accountId: number, email: string): Promise<UserEntity | null> {
    return tx.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.account_id = :accountId AND lower(u.email) = lower(:email)', { accountId, email })
      .getOne();
  }

  /** Users of the account (active or not) whose email is one of `emails` (lower-case), in one query. */
  findByEmails(tx: Tx, accountId: number, emails: string[]): Promise<UserEntity[]> {
    return tx.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.account_id = :accountId AND lower(u.email) = ANY(:emails)', { accountId, emails })
      .orderBy('u.id')
      .getMany();
  }

  /** The account's owner: its first active admin (the one who created the account, unless deactivated since). */
  async accountOwnerId(tx: Tx, accountId: number): Promise<number | null> {
    const [row] = await tx.rows<{ id: number }>(
      `SELECT id FROM records.users WHERE account_id = $1 AND role = 'admin' ORDER BY status = 'active' DESC, id LIMIT 1`,
      [accountId],
    );
    return row?.id ?? null;
  }

  /** Active users of the account among the given ids. */
  async activeIds(tx: Tx, accountId: number, ids: number[]): Promise<Set<number>> {
    const rows = await tx.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.account_id = :accountId AND u.id = ANY(:ids) AND u.status = :status', { accountId, ids, status: 'active' })
      .getRawMany<{ id: number }>();
    return new Set(rows.map((row) => row.id));
  }

  save(tx: Tx, user: Partial<UserEntity> & { account_id: number }): Promise<UserEntity> {
    return tx.manager.getRepository(UserEntity).save(tx.manager.getRepository(UserEntity).create(user));
  }

  listTokens(tx: Tx, accountId: number, userId: number): Promise<ApiTokenEntity[]> {
    return tx.manager.getRepository(ApiTokenEntity).find({ where: { account_id: accountId, user_id: userId }, order: { id: 'ASC' } });
  }

  findToken(tx: Tx, accountId: number, userId: number, tokenId: number): Promise<ApiTokenEntity | null> {
    return tx.manager.getRepository(ApiTokenEntity).findOneBy({ account_id: accountId, user_id: userId, id: tokenId });
  }

  saveToken(tx: Tx, token: Partial<ApiTokenEntity> & { account_id: number }): Promise<ApiTokenEntity> {
    const repository = tx.manager.getRepository(ApiTokenEntity);
    return repository.save(repository.create(token));
  }

  /** The token's row and its user, only if the token is unrevoked and the user active. */
  async findActiveToken(tx: Tx, tokenHash: string): Promise<ActiveToken | null> {
    const token = await tx.manager
      .getRepository(ApiTokenEntity)
      .createQueryBuilder('t')
      .where('t.token_hash = :tokenHash AND t.revoked_at IS NULL', { tokenHash })
      .getOne();
    if (!token) return null;
    const user = await tx.manager.getRepository(UserEntity).findOneBy({ account_id: token.account_id, id: token.user_id });
    return user && user.status === 'active' ? { token, user } : null;
  }

  /** Recorded at most once a minute per token, so authentication does not write on every request. */
  async touchToken(tx: Tx, accountId: number, tokenId: number): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .update(ApiTokenEntity)
      .set({ last_used_at: () => 'now()' })
      .where('account_id = :accountId AND id = :tokenId', { accountId, tokenId })
      .andWhere("(last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
      .execute();
  }
}
