import { Injectable } from '@nestjs/common';
import {
  Actor,
  DistributionEvents,
  DistributionPoolAttributes,
  DistributionPoolDto,
  DomainError,
  ListQuery,
  MAX_PER_PAGE,
  Page,
  parseAttributes,
  PoolMemberAttributes,
  RecordsRequests,
  UserDto,
} from '@crm/contracts';
import { EventPublisher, RpcClient, TransactionRunner, Tx } from '@crm/platform';
import { KnownUsersRepository } from '../known-users/known-users.repository';
import { toPoolDto } from './pools.mapper';
import { MemberInput, PoolRow, PoolsRepository } from './pools.repository';

/** Pools are account settings: anyone may read them, changing them needs `manage_settings`. */
@Injectable()
export class PoolsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly pools: PoolsRepository,
    private readonly users: KnownUsersRepository,
    private readonly rpc: RpcClient,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<DistributionPoolDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.pools.list(tx, actor.accountId, query);
      const members = await this.pools.members(tx, actor.accountId, page.rows.map((p) => p.id));
      return { items: page.rows.map((pool) => toPoolDto(pool, members.filter((m) => m.pool_id === pool.id))), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<DistributionPoolDto> {
    return this.transactions.read(async (tx) => this.toDto(tx, await this.load(tx, actor.accountId, id, false)));
  }

  async create(actor: Actor, data: unknown): Promise<DistributionPoolDto> {
    const attributes = parseAttributes('distribution_pool', DistributionPoolAttributes, data);
    const name = attributes.name?.trim();
    if (!name) throw DomainError.invalid('distribution_pool', 'name', 'name is required', 'blank');
    if (!attributes.resource_type) throw DomainError.invalid('distribution_pool', 'resource_type', 'resource_type is required', 'blank');
    await this.requireSettingsRight(actor);
    const members = await this.checkMembers(actor, attributes.members ?? []);
    return this.transactions.run(async (tx) => {
      const pool = await this.pools.insert(tx, { account_id: actor.accountId, name, resource_type: attributes.resource_type!, creator_id: actor.userId });
      await this.saveMembers(tx, actor, pool.id, members);
      const dto = await this.toDto(tx, pool);
      await this.emit(tx, actor, DistributionEvents.pool.created, dto);
      return dto;
    });
  }

  async update(actor: Actor, id: number, data: unknown): Promise<DistributionPoolDto> {
    const attributes = parseAttributes('distribution_pool', DistributionPoolAttributes, data);
    await this.requireSettingsRight(actor);
    const members = attributes.members ? await this.checkMembers(actor, attributes.members) : undefined;
    return this.transactions.run(async (tx) => {
      // Locked like an assignment, so a member removed here is never picked by one running now.
      const pool = await this.load(tx, actor.accountId, id, true);
      if (attributes.resource_type && attributes.resource_type !== pool.resource_type) {
        throw DomainError.invalid('distribution_pool', 'resource_type', 'a pool keeps its record type; create another pool');
      }
      if (attributes.name !== undefined) {
        if (!attributes.name.trim()) throw DomainError.invalid('distribution_pool', 'name', 'name cannot be blank', 'blank');
        await this.pools.rename(tx, actor.accountId, id, attributes.name.trim());
      }
      if (members) await this.saveMembers(tx, actor, id, members);
      await this.pools.touch(tx, actor.accountId, id);
      const dto = await this.toDto(tx, (await this.pools.find(tx, actor.accountId, id))!);
      await this.emit(tx, actor, DistributionEvents.pool.updated, dto);
      return dto;
    });
  }

  async delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    await this.requireSettingsRight(actor);
    return this.transactions.run(async (tx) => {
      await this.load(tx, actor.accountId, id, true);
      await this.pools.delete(tx, actor.accountId, id);
      await this.events.publish(tx, DistributionEvents.pool.deleted, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'distribution_pool',
        id,
        actorId: actor.userId,
        data: null,
      });
      return { deleted: true as const };
    });
  }

  private async requireSettingsRight(actor: Actor): Promise<void> {
    const { allowed } = await this.rpc.request(RecordsRequests.CheckPermission, { ...actor, permission: 'manage_settings' });
    if (!allowed) throw DomainError.forbidden('distribution_pool', 'your role does not allow changing distribution pools (manage settings)');
  }

  /** Members must be distinct users of the account; records says who exists and is active (one request per 100). */
  private async checkMembers(actor: Actor, members: PoolMemberAttributes[]): Promise<(MemberInput & { name: string; active: boolean })[]> {
    const ids = members.map((member) => member.user_id);
    const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (duplicate >= 0) throw DomainError.invalid('distribution_pool', `members/${duplicate}/user_id`, `user ${ids[duplicate]} is listed twice`);
    const users = new Map<number, UserDto>();
    for (let start = 0; start < ids.length; start += MAX_PER_PAGE) {
      const query = { page: 1, perPage: MAX_PER_PAGE, ids: ids.slice(start, start + MAX_PER_PAGE), filters: {}, customFields: {} };
      for (const user of (await this.rpc.request(RecordsRequests.ListUsers, { ...actor, query })).items) users.set(user.id, user);
    }
    return members.map((member, i) => {
      const user = users.get(member.user_id);
      if (!user) throw DomainError.invalid('distribution_pool', `members/${i}/user_id`, `user ${member.user_id} does not exist`);
      return {
        user_id: member.user_id,
        weight: member.weight ?? 1,
        paused: member.paused ?? false,
        daily_cap: member.daily_cap ?? null,
        name: user.name,
        active: user.status === 'active',
      };
    });
  }

  private async saveMembers(tx: Tx, actor: Actor, poolId: number, members: (MemberInput & { name: string; active: boolean })[]) {
    await this.users.upsert(tx, actor.accountId, members.map((m) => ({ id: m.user_id, name: m.name, active: m.active })));
    await this.pools.replaceMembers(tx, actor.accountId, poolId, members);
  }

  private async toDto(tx: Tx, pool: PoolRow): Promise<DistributionPoolDto> {
    return toPoolDto(pool, await this.pools.members(tx, pool.account_id, [pool.id]));
  }

  private async load(tx: Tx, accountId: number, id: number, lock: boolean): Promise<PoolRow> {
    const pool = await this.pools.find(tx, accountId, id, lock);
    if (!pool) throw DomainError.notFound('distribution_pool', id);
    return pool;
  }

  private async emit(tx: Tx, actor: Actor, subject: typeof DistributionEvents.pool.created | typeof DistributionEvents.pool.updated, dto: DistributionPoolDto) {
    await this.events.publish(tx, subject, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'distribution_pool',
      id: dto.id,
      actorId: actor.userId,
      data: dto,
    });
  }
}
