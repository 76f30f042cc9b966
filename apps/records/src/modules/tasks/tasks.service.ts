import { Injectable } from '@nestjs/common';
import { Actor, AttachableType, DomainError, ListQuery, Page, parseAttributes, RecordsEvents, TaskAttributes, TaskDto } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { assertAttachable, isVisible } from '../record-support/attachments';
import { ResourceOwnersRepository } from '../record-support/resource-owners.repository';
import { UsersService } from '../users/users.service';
import type { TaskEntity } from './entities/task.entity';
import { toTaskDto } from './tasks.mapper';
import { TasksRepository } from './tasks.repository';

/**
 * Tasks belong to an owner and may hang on a lead, contact or deal. A user sees the tasks they
 * own and those on records they can see.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TasksRepository,
    private readonly owners: ResourceOwnersRepository,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<TaskDto>> {
    return this.transactions.read(async (tx) => {
      const access = await this.access.load(tx, actor);
      const page = await this.tasks.list(tx, actor.accountId, query, access.ownerScope);
      const now = new Date();
      return { items: page.rows.map((task) => toTaskDto(task, now)), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<TaskDto> {
    return this.transactions.read(async (tx) => toTaskDto(await this.loadVisible(tx, actor, id)));
  }

  create(actor: Actor, data: unknown): Promise<TaskDto> {
    const attributes = parseAttributes('task', TaskAttributes, data);
    if (!attributes.content?.trim()) throw DomainError.invalid('task', 'content', 'content is required', 'blank');
    return this.transactions.run(async (tx) => {
      const task: Partial<TaskEntity> & { account_id: number } = {
        account_id: actor.accountId,
        creator_id: actor.userId,
        owner_id: actor.userId,
        content: attributes.content!,
        completed: false,
        completed_at: null,
        due_date: null,
        remind_at: null,
        resource_type: null,
        resource_id: null,
      };
      await this.apply(tx, actor, task, attributes);
      const saved = await this.tasks.save(tx, task);
      await this.emit(tx, actor, RecordsEvents.task.created, saved);
      return toTaskDto(saved);
    });
  }

  update(actor: Actor, id: number, data: unknown): Promise<TaskDto> {
    const attributes = parseAttributes('task', TaskAttributes, data);
    return this.transactions.run(async (tx) => {
      const task = await this.loadVisible(tx, actor, id);
      if (attributes.content !== undefined && !attributes.content.trim()) {
        throw DomainError.invalid('task', 'content', 'content cannot be blank', 'blank');
      }
      await this.apply(tx, actor, task, attributes);
      const saved = await this.tasks.save(tx, task);
      await this.emit(tx, actor, RecordsEvents.task.updated, saved);
      return toTaskDto(saved);
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      const task = await this.loadVisible(tx, actor, id);
      if (task.owner_id !== actor.userId && task.creator_id !== actor.userId) {
        await this.access.require(tx, actor, 'delete_records', 'task');
      }
      await this.tasks.delete(tx, actor.accountId, id);
      await this.emitDeleted(tx, actor, [id]);
      return { deleted: true as const };
    });
  }

  async deleteAttachedTo(tx: Tx, actor: Actor, type: AttachableType, id: number): Promise<void> {
    await this.emitDeleted(tx, actor, await this.owners.deleteAttached(tx, 'records.tasks', actor.accountId, { type, id }));
  }

  repoint(tx: Tx, actor: Actor, from: { type: AttachableType; id: number }, to: { type: AttachableType; id: number }) {
    return this.owners.repointAttached(tx, 'records.tasks', actor.accountId, from, to);
  }

  private async apply(tx: Tx, actor: Actor, task: Partial<TaskEntity>, attributes: TaskAttributes): Promise<void> {
    if (attributes.content !== undefined) task.content = attributes.content;
    if (attributes.owner_id !== undefined && attributes.owner_id !== task.owner_id) {
      await this.users.assertActiveUsers(tx, actor.accountId, 'task', 'owner_id', [attributes.owner_id]);
      task.owner_id = attributes.owner_id;
    }
    if ('due_date' in attributes) task.due_date = attributes.due_date ? new Date(attributes.due_date) : null;
    if ('remind_at' in attributes) task.remind_at = attributes.remind_at ? new Date(attributes.remind_at) : null;
    if (attributes.completed !== undefined && attributes.completed !== task.completed) {
      task.completed = attributes.completed;
      task.completed_at = attributes.completed ? new Date() : null;
    }
    if ('resource_type' in attributes || 'resource_id' in attributes) {
      const type = 'resource_type' in attributes ? (attributes.resource_type ?? null) : (task.resource_type ?? null);
      const id = 'resource_id' in attributes ? (attributes.resource_id ?? null) : (task.resource_id ?? null);
      if ((type === null) !== (id === null)) {
        throw DomainError.invalid('task', type === null ? 'resource_type' : 'resource_id', 'resource_type and resource_id go together');
      }
      if (type !== null && id !== null) await assertAttachable(tx, this.owners, this.access, actor, 'task', { type, id });
      task.resource_type = type;
      task.resource_id = id;
    }
  }

  private async loadVisible(tx: Tx, actor: Actor, id: number): Promise<TaskEntity> {
    const task = await this.tasks.find(tx, actor.accountId, id);
    if (!task) throw DomainError.notFound('task', id);
    const access = await this.access.load(tx, actor);
    if (access.ownerScope === null || task.owner_id === actor.userId) return task;
    const owner = task.resource_type && task.resource_id ? await this.owners.ownerOf(tx, actor.accountId, task.resource_type, task.resource_id) : null;
    if (owner === null || !isVisible(access, owner)) throw DomainError.notFound('task', id);
    return task;
  }

  private async emit(tx: Tx, actor: Actor, subject: typeof RecordsEvents.task.created | typeof RecordsEvents.task.updated, task: TaskEntity) {
    await this.events.publish(tx, subject, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'task',
      id: task.id,
      actorId: actor.userId,
      data: toTaskDto(task),
    });
  }

  private async emitDeleted(tx: Tx, actor: Actor, ids: number[]) {
    await this.events.publishMany(
      tx,
      RecordsEvents.task.deleted,
      ids.map((id) => ({ accountId: actor.accountId, correlationId: actor.correlationId, entity: 'task', id, actorId: actor.userId, data: null })),
    );
  }
}
