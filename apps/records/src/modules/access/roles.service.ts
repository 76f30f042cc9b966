import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  ListQuery,
  Page,
  parseAttributes,
  Permission,
  PERMISSIONS,
  RecordsEvents,
  RoleAttributes,
  RoleDto,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { toRoleDto } from './access.mapper';
import type { RoleEntity } from './entities/role.entity';

export const DEFAULT_ROLES: { key: 'admin' | 'manager' | 'salesRep'; name: string; permissions: Permission[] }[] = [
  { key: 'admin', name: 'Admin', permissions: [...PERMISSIONS] },
  { key: 'manager', name: 'Manager', permissions: ['reassign_records', 'delete_records', 'see_all_records'] },
  { key: 'salesRep', name: 'Sales rep', permissions: [] },
];

@Injectable()
export class RolesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: AccessRepository,
    private readonly access: AccessService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<RoleDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.repository.listRoles(tx, actor.accountId, query);
      return { items: page.rows.map(toRoleDto), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<RoleDto> {
    return this.transactions.read(async (tx) => toRoleDto(await this.load(tx, actor.accountId, id)));
  }

  create(actor: Actor, data: unknown): Promise<RoleDto> {
    const attributes = parseAttributes('role', RoleAttributes, data);
    const name = attributes.name?.trim();
    if (!name) throw DomainError.invalid('role', 'name', 'name is required', 'blank');
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_users', 'role');
      await this.assertNameFree(tx, actor.accountId, name);
      const role = await this.repository.saveRole(tx, {
        account_id: actor.accountId,
        name,
        permissions: [...new Set(attributes.permissions ?? [])],
        system: false,
      });
      await this.emit(tx, actor, RecordsEvents.role.created, role);
      return toRoleDto(role);
    });
  }

  update(actor: Actor, id: number, data: unknown): Promise<RoleDto> {
    const attributes = parseAttributes('role', RoleAttributes, data);
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_users', 'role');
      const role = await this.load(tx, actor.accountId, id);
      if (role.system) throw DomainError.invalid('role', 'id', 'the default roles cannot be changed; create a new role');
      if (attributes.name !== undefined) {
        const name = attributes.name.trim();
        if (!name) throw DomainError.invalid('role', 'name', 'name is required', 'blank');
        if (name.toLowerCase() !== role.name.toLowerCase()) await this.assertNameFree(tx, actor.accountId, name);
        role.name = name;
      }
      if (attributes.permissions) role.permissions = [...new Set(attributes.permissions)];
      const saved = await this.repository.saveRole(tx, role);
      this.access.forget(actor.accountId);
      await this.emit(tx, actor, RecordsEvents.role.updated, saved);
      return toRoleDto(saved);
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_users', 'role');
      const role = await this.load(tx, actor.accountId, id);
      if (role.system) throw DomainError.invalid('role', 'id', 'the default roles cannot be deleted');
      if ((await this.repository.usersWithRole(tx, actor.accountId, id)) > 0) {
        throw DomainError.conflict('role', 'users still have this role; give them another role first');
      }
      await this.repository.deleteRole(tx, actor.accountId, id);
      await this.events.publish(tx, RecordsEvents.role.deleted, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'role',
        id,
        actorId: actor.userId,
        data: null,
      });
      return { deleted: true as const };
    });
  }

  /** Admin, Manager and Sales rep for a new account. */
  async createDefaults(tx: Tx, accountId: number): Promise<Record<'admin' | 'manager' | 'salesRep', RoleEntity>> {
    const roles = await this.repository.saveRoles(
      tx,
      DEFAULT_ROLES.map((role) => ({ account_id: accountId, name: role.name, permissions: role.permissions, system: true })),
    );
    return { admin: roles[0], manager: roles[1], salesRep: roles[2] };
  }

  /** The role a user gets from Sell's `role` field when no role_id is given. */
  async defaultRoleFor(tx: Tx, accountId: number, sellRole: 'admin' | 'user'): Promise<RoleEntity> {
    const role = await this.repository.findRoleByName(tx, accountId, sellRole === 'admin' ? 'Admin' : 'Sales rep');
    if (!role) throw new Error(`account ${accountId} has no default roles`);
    return role;
  }

  async requireRole(tx: Tx, accountId: number, id: number): Promise<RoleEntity> {
    const role = await this.repository.findRole(tx, accountId, id);
    if (!role) throw DomainError.invalid('user', 'role_id', `role ${id} does not exist`);
    return role;
  }

  private async assertNameFree(tx: Tx, accountId: number, name: string) {
    if (await this.repository.findRoleByName(tx, accountId, name)) throw DomainError.invalid('role', 'name', 'name has already been taken', 'taken');
  }

  private async load(tx: Tx, accountId: number, id: number): Promise<RoleEntity> {
    const role = await this.repository.findRole(tx, accountId, id);
    if (!role) throw DomainError.notFound('role', id);
    return role;
  }

  private async emit(tx: Tx, actor: Actor, subject: typeof RecordsEvents.role.created | typeof RecordsEvents.role.updated, role: RoleEntity) {
    await this.events.publish(tx, subject, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'role',
      id: role.id,
      actorId: actor.userId,
      data: toRoleDto(role),
    });
  }
}
