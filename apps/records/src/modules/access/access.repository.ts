import { Injectable } from '@nestjs/common';
import type { ListQuery, Permission } from '@crm/contracts';
import { applyListQuery, ListSpec, toPage, Tx } from '@crm/platform';
import { UserEntity } from '../users/entities/user.entity';
import { GroupEntity } from './entities/group.entity';
import { RoleEntity } from './entities/role.entity';

const ROLE_LIST: ListSpec = {
  resource: 'role',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'r.id', name: 'r.name' },
  filters: { name: { column: 'r.name', kind: 'lower' } },
};

const GROUP_LIST: ListSpec = {
  resource: 'group',
  defaultSort: { field: 'id', direction: 'asc' },
  sortable: { id: 'g.id', name: 'g.name' },
  filters: { name: { column: 'g.name', kind: 'lower' } },
};

@Injectable()
export class AccessRepository {
  /** The user's permissions through their role, or null when the user is not in the account. */
  async permissionsOf(tx: Tx, accountId: number, userId: number): Promise<Permission[] | null> {
    const rows: { permissions: Permission[] | null }[] = await tx.manager.query(
      `SELECT r.permissions FROM records.users u LEFT JOIN records.roles r ON r.id = u.role_id
       WHERE u.account_id = $1 AND u.id = $2`,
      [accountId, userId],
    );
    return rows.length === 0 ? null : (rows[0].permissions ?? []);
  }

  async listRoles(tx: Tx, accountId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(RoleEntity).createQueryBuilder('r').where('r.account_id = :accountId', { accountId });
    return toPage(await applyListQuery(qb, 'r', query, ROLE_LIST).getMany(), query);
  }

  findRole(tx: Tx, accountId: number, id: number): Promise<RoleEntity | null> {
    return tx.manager.getRepository(RoleEntity).findOneBy({ account_id: accountId, id });
  }

  findRoleByName(tx: Tx, accountId: number, name: string): Promise<RoleEntity | null> {
    return tx.manager
      .getRepository(RoleEntity)
      .createQueryBuilder('r')
      .where('r.account_id = :accountId AND lower(r.name) = lower(:name)', { accountId, name })
      .getOne();
  }

  saveRole(tx: Tx, role: Partial<RoleEntity> & { account_id: number }): Promise<RoleEntity> {
    const repository = tx.manager.getRepository(RoleEntity);
    return repository.save(repository.create(role));
  }

  saveRoles(tx: Tx, roles: (Partial<RoleEntity> & { account_id: number })[]): Promise<RoleEntity[]> {
    const repository = tx.manager.getRepository(RoleEntity);
    return repository.save(roles.map((role) => repository.create(role)));
  }

  async deleteRole(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(RoleEntity).delete({ account_id: accountId, id });
  }

  async usersWithRole(tx: Tx, accountId: number, roleId: number): Promise<number> {
    return tx.manager.getRepository(UserEntity).countBy({ account_id: accountId, role_id: roleId });
  }

  async listGroups(tx: Tx, accountId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(GroupEntity).createQueryBuilder('g').where('g.account_id = :accountId', { accountId });
    return toPage(await applyListQuery(qb, 'g', query, GROUP_LIST).getMany(), query);
  }

  findGroup(tx: Tx, accountId: number, id: number): Promise<GroupEntity | null> {
    return tx.manager.getRepository(GroupEntity).findOneBy({ account_id: accountId, id });
  }

  findGroupByName(tx: Tx, accountId: number, name: string): Promise<GroupEntity | null> {
    return tx.manager
      .getRepository(GroupEntity)
      .createQueryBuilder('g')
      .where('g.account_id = :accountId AND lower(g.name) = lower(:name)', { accountId, name })
      .getOne();
  }

  saveGroup(tx: Tx, group: Partial<GroupEntity> & { account_id: number }): Promise<GroupEntity> {
    const repository = tx.manager.getRepository(GroupEntity);
    return repository.save(repository.create(group));
  }

  async deleteGroup(tx: Tx, accountId: number, id: number): Promise<void> {
    await tx.manager.getRepository(GroupEntity).delete({ account_id: accountId, id });
  }

  /** Members of each group, by group id. */
  async groupMembers(tx: Tx, accountId: number, groupIds: number[]): Promise<Map<number, number[]>> {
    const members = new Map<number, number[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return members;
    const rows: { id: number; group_id: number }[] = await tx.manager.query(
      `SELECT id, group_id FROM records.users WHERE account_id = $1 AND group_id = ANY($2) ORDER BY id`,
      [accountId, groupIds],
    );
    for (const row of rows) members.get(row.group_id)?.push(row.id);
    return members;
  }
}
