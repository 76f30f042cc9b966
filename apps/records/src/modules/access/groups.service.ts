import { Injectable } from '@nestjs/common';
import { Actor, DomainError, GroupAttributes, GroupDto, ListQuery, Page, parseAttributes, RecordsEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { toGroupDto } from './access.mapper';
import type { GroupEntity } from './entities/group.entity';

/** Teams of users; a user belongs to at most one (set with the user's `group_id`). */
@Injectable()
export class GroupsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: AccessRepository,
    private readonly access: AccessService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<GroupDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.repository.listGroups(tx, actor.accountId, query);
      const members = await this.repository.groupMembers(tx, actor.accountId, page.rows.map((g) => g.id));
      return { items: page.rows.map((g) => toGroupDto(g, members.get(g.id) ?? [])), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<GroupDto> {
    return this.transactions.read(async (tx) => this.toDto(tx, await this.load(tx, actor.accountId, id)));
  }

  create(actor: Actor, data: unknown): Promise<GroupDto> {
    const name = this.nameOf(data, true)!;
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_users', 'group');
      await this.assertNameFree(tx, actor.accountId, name);
      const group = await this.repository.saveGroup(tx, { account_id: actor.accountId, name });
      await this.emit(tx, actor, RecordsEvents.group.created, group, []);
      return toGroupDto(group, []);
    });
  }

  update(actor: Actor, id: number, data: unknown): Promise<GroupDto> {
    const name = this.nameOf(data, false);
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_users', 'group');
      const group = await this.load(tx, actor.accountId, id);
      if (name && name.toLowerCase() !== group.name.toLowerCase()) await this.assertNameFree(tx, actor.accountId, name);
      if (name) group.name = name;
      const saved = await this.repository.saveGroup(tx, group);
      const dto = await this.toDto(tx, saved);
      await this.emit(tx, actor, RecordsEvents.group.updated, saved, dto.user_ids);
      return dto;
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_users', 'group');
      await this.load(tx, actor.accountId, id);
      // Members stay users, without a group (the foreign key sets it null).
      await this.repository.deleteGroup(tx, actor.accountId, id);
      await this.events.publish(tx, RecordsEvents.group.deleted, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'group',
        id,
        actorId: actor.userId,
        data: null,
      });
      return { deleted: true as const };
    });
  }

  async requireGroup(tx: Tx, accountId: number, id: number): Promise<void> {
    if (!(await this.repository.findGroup(tx, accountId, id))) throw DomainError.invalid('user', 'group_id', `group ${id} does not exist`);
  }

  private nameOf(data: unknown, required: boolean): string | undefined {
    const attributes = parseAttributes('group', GroupAttributes, data);
    const name = attributes.name?.trim();
    if ((required || attributes.name !== undefined) && !name) throw DomainError.invalid('group', 'name', 'name is required', 'blank');
    return name;
  }

  private async toDto(tx: Tx, group: GroupEntity): Promise<GroupDto> {
    const members = await this.repository.groupMembers(tx, group.account_id, [group.id]);
    return toGroupDto(group, members.get(group.id) ?? []);
  }

  private async assertNameFree(tx: Tx, accountId: number, name: string) {
    if (await this.repository.findGroupByName(tx, accountId, name)) throw DomainError.invalid('group', 'name', 'name has already been taken', 'taken');
  }

  private async load(tx: Tx, accountId: number, id: number): Promise<GroupEntity> {
    const group = await this.repository.findGroup(tx, accountId, id);
    if (!group) throw DomainError.notFound('group', id);
    return group;
  }

  private async emit(
    tx: Tx,
    actor: Actor,
    subject: typeof RecordsEvents.group.created | typeof RecordsEvents.group.updated,
    group: GroupEntity,
    userIds: number[],
  ) {
    await this.events.publish(tx, subject, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'group',
      id: group.id,
      actorId: actor.userId,
      data: toGroupDto(group, userIds),
    });
  }
}
