import { Injectable } from '@nestjs/common';
import {
  Actor,
  ApiTokenAttributes,
  ApiTokenDto,
  DomainError,
  ListQuery,
  Page,
  parseAttributes,
  RecordsEvents,
  TokenIdentity,
  UserAttributes,
  UserDto,
  UserEmailMatch,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { createHash, randomBytes } from 'node:crypto';
import { normalizeEmails } from '../../common/emails';
import { AccessService } from '../access/access.service';
import { GroupsService } from '../access/groups.service';
import { RolesService } from '../access/roles.service';
import { toApiTokenDto, toUserDto } from './users.mapper';
import { UsersRepository } from './users.repository';
import type { UserEntity } from './entities/user.entity';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 64 hex characters: the length Sell's official clients insist on. */
export function generateToken(): string {
  return randomBytes(32).toString('hex');
}

@Injectable()
export class UsersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly events: EventPublisher,
    private readonly access: AccessService,
    private readonly roles: RolesService,
    private readonly groups: GroupsService,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<UserDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.users.list(tx, actor.accountId, query);
      return { items: page.rows.map(toUserDto), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<UserDto> {
    return this.transactions.read(async (tx) => toUserDto(await this.load(tx, actor.accountId, id)));
  }

  create(actor: Actor, data: unknown): Promise<UserDto> {
    const attributes = parseAttributes('user', UserAttributes, data);
    return this.transactions.run(async (tx) => {
      await this.requireAdmin(tx, actor);
      if (!attributes.name) throw DomainError.invalid('user', 'name', 'name is required', 'blank');
      if (!attributes.email) throw DomainError.invalid('user', 'email', 'email is required', 'blank');
      const user = await this.createInTx(tx, actor, { ...attributes, name: attributes.name, email: attributes.email });
      return toUserDto(user);
    });
  }

  /** Also used when an account is created, for its first admin. */
  async createInTx(
    tx: Tx,
    actor: { accountId: number; userId: number | null; correlationId?: string },
    attributes: UserAttributes & { name: string; email: string },
  ): Promise<UserEntity> {
    if (await this.users.findByEmail(tx, actor.accountId, attributes.email)) {
      throw DomainError.invalid('user', 'email', 'a user with this email already exists', 'taken');
    }
    const role = await this.resolveRole(tx, actor.accountId, attributes);
    if (attributes.group_id != null) await this.groups.requireGroup(tx, actor.accountId, attributes.group_id);
    const user = await this.users.save(tx, {
      account_id: actor.accountId,
      name: attributes.name,
      email: attributes.email,
      role: role.sellRole,
      role_id: role.id,
      group_id: attributes.group_id ?? null,
      status: attributes.status ?? 'active',
      confirmed: true,
      phone_number: attributes.phone_number ?? null,
      timezone: attributes.timezone ?? 'UTC',
    });
    await this.events.publish(tx, RecordsEvents.user.created, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'user',
      id: user.id,
      actorId: actor.userId,
      data: toUserDto(user),
    });
    return user;
  }

  update(actor: Actor, id: number, data: unknown): Promise<UserDto> {
    const attributes = parseAttributes('user', UserAttributes, data);
    return this.transactions.run(async (tx) => {
      await this.requireAdmin(tx, actor);
      const user = await this.load(tx, actor.accountId, id);
      if (id === actor.userId && (attributes.status === 'inactive' || attributes.role !== undefined || attributes.role_id !== undefined)) {
        throw DomainError.invalid('user', attributes.status ? 'status' : 'role', 'you cannot deactivate yourself or change your own role');
      }
      if (attributes.email && attributes.email.toLowerCase() !== user.email.toLowerCase()) {
        const other = await this.users.findByEmail(tx, actor.accountId, attributes.email);
        if (other) throw DomainError.invalid('user', 'email', 'a user with this email already exists', 'taken');
      }
      const { role: _sellRole, role_id: _roleId, ...plain } = attributes;
      Object.assign(user, plain);
      if (attributes.role !== undefined || attributes.role_id !== undefined) {
        const role = await this.resolveRole(tx, actor.accountId, attributes);
        user.role = role.sellRole;
        user.role_id = role.id;
      }
      if (attributes.group_id != null) await this.groups.requireGroup(tx, actor.accountId, attributes.group_id);
      const saved = await this.users.save(tx, user);
      this.access.forget(actor.accountId, id);
      await this.events.publish(tx, RecordsEvents.user.updated, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'user',
        id,
        actorId: actor.userId,
        data: toUserDto(saved),
        changed: Object.keys(attributes),
      });
      return toUserDto(saved);
    });
  }

  listTokens(actor: Actor, userId: number): Promise<ApiTokenDto[]> {
    return this.transactions.read(async (tx) => {
      await this.requireSelfOrAdmin(tx, actor, userId);
      return (await this.users.listTokens(tx, actor.accountId, userId)).map((token) => toApiTokenDto(token));
    });
  }

  issueToken(actor: Actor, userId: number, data: unknown): Promise<ApiTokenDto> {
    const attributes = parseAttributes('api_token', ApiTokenAttributes, data ?? {});
    return this.transactions.run(async (tx) => {
      await this.requireSelfOrAdmin(tx, actor, userId);
      const owner = await this.load(tx, actor.accountId, userId);
      if (owner.status !== 'active') throw DomainError.invalid('api_token', 'user_id', 'the user is inactive');
      const { token, plaintext } = await this.issueTokenInTx(tx, actor, userId, attributes.name ?? 'API token');
      return toApiTokenDto(token, plaintext);
    });
  }

  async issueTokenInTx(tx: Tx, actor: { accountId: number; userId: number | null; correlationId?: string }, userId: number, name: string) {
    const plaintext = generateToken();
    const token = await this.users.saveToken(tx, {
      account_id: actor.accountId,
      user_id: userId,
      name,
      token_hash: hashToken(plaintext),
      last_used_at: null,
      revoked_at: null,
    });
    await this.events.publish(tx, RecordsEvents.apiToken.created, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'api_token',
      id: token.id,
      actorId: actor.userId,
      data: toApiTokenDto(token),
    });
    return { token, plaintext };
  }

  revokeToken(actor: Actor, userId: number, tokenId: number): Promise<ApiTokenDto> {
    return this.transactions.run(async (tx) => {
      await this.requireSelfOrAdmin(tx, actor, userId);
      const token = await this.users.findToken(tx, actor.accountId, userId, tokenId);
      if (!token) throw DomainError.notFound('api_token', tokenId);
      if (!token.revoked_at) {
        token.revoked_at = new Date();
        await this.users.saveToken(tx, token);
        await this.events.publish(tx, RecordsEvents.apiToken.updated, {
          accountId: actor.accountId,
          correlationId: actor.correlationId,
          entity: 'api_token',
          id: token.id,
          actorId: actor.userId,
          data: toApiTokenDto(token),
          changed: ['revoked_at'],
        });
      }
      return toApiTokenDto(token);
    });
  }

  verifyToken(token: string): Promise<TokenIdentity> {
    return this.transactions.read(async (tx) => {
      const found = /^[0-9a-f]{64}$/.test(token) ? await this.users.findActiveToken(tx, hashToken(token)) : null;
      if (!found) throw new DomainError(401, [{ code: 'unauthorized', message: 'invalid, revoked or inactive user token' }]);
      await this.users.touchToken(tx, found.token.account_id, found.token.id);
      return { accountId: found.user.account_id, userId: found.user.id, role: found.user.role, tokenId: found.token.id };
    });
  }

  /** Colleagues among mail participants: users with any of these emails (ignoring case), inactive ones included. */
  findByEmails(accountId: number, emails: unknown): Promise<UserEmailMatch[]> {
    const wanted = normalizeEmails(emails);
    if (wanted.length === 0) return Promise.resolve([]);
    return this.transactions.read(async (tx) =>
      (await this.users.findByEmails(tx, accountId, wanted)).map((user) => ({ id: user.id, email: user.email, name: user.name, status: user.status })),
    );
  }

  /** Who stands behind records an integration creates when no default owner is set; 404 for an account without users. */
  async accountOwnerId(tx: Tx, accountId: number): Promise<number> {
    const id = await this.users.accountOwnerId(tx, accountId);
    if (id === null) throw DomainError.notFound('account', accountId);
    return id;
  }

  /** The active users of the account among `ids`. */
  activeAmong(tx: Tx, accountId: number, ids: number[]): Promise<Set<number>> {
    return this.users.activeIds(tx, accountId, ids);
  }

  /** 422 unless every id is an active user of the account (owners, assignees). */
  async assertActiveUsers(tx: Tx, accountId: number, resource: string, field: string, ids: number[]): Promise<void> {
    const active = await this.users.activeIds(tx, accountId, ids);
    const missing = ids.find((id) => !active.has(id));
    if (missing !== undefined) throw DomainError.invalid(resource, field, `user ${missing} is not an active user of this account`);
  }

  async requireAdmin(tx: Tx, actor: Actor): Promise<void> {
    await this.access.require(tx, actor, 'manage_users', 'user');
  }

  /** role_id wins; otherwise Sell's `role` picks the default Admin or Sales rep role. */
  private async resolveRole(tx: Tx, accountId: number, attributes: UserAttributes): Promise<{ id: number; sellRole: 'admin' | 'user' }> {
    const role =
      attributes.role_id !== undefined
        ? await this.roles.requireRole(tx, accountId, attributes.role_id)
        : await this.roles.defaultRoleFor(tx, accountId, attributes.role ?? 'user');
    return { id: role.id, sellRole: role.permissions.includes('manage_users') ? 'admin' : 'user' };
  }

  private async requireSelfOrAdmin(tx: Tx, actor: Actor, userId: number): Promise<void> {
    if (actor.userId !== userId) await this.requireAdmin(tx, actor);
  }

  private async load(tx: Tx, accountId: number, id: number): Promise<UserEntity> {
    const user = await this.users.find(tx, accountId, id);
    if (!user) throw DomainError.notFound('user', id);
    return user;
  }
}
