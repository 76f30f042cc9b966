import { Injectable } from '@nestjs/common';
import {
  ACTIVITY_TYPES,
  ActivityType,
  Actor,
  DomainError,
  ListQuery,
  Page,
  parseAttributes,
  ThreadAttributes,
  ThreadDto,
  ThreadItemAttributes,
  ThreadItemDto,
  ThreadRenameAttributes,
} from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { ActivityItemsRepository } from '../activities/activity-items.repository';
import { missingAsNotFound } from '../activities/foreign-key';
import { takeRecordFilter } from '../activities/record-filter';
import { RecordVisibility } from '../activities/record-visibility.service';
import { RecordsAccessService, ViewerScope } from '../records-access/records-access.service';
import type { ThreadEntity } from './entities/thread.entity';
import { ThreadItemsRepository } from './thread-items.repository';
import { toThreadDto, toThreadItemDto } from './threads.mapper';
import { ThreadsRepository } from './threads.repository';

/**
 * Named threads on a lead, contact or deal. Anyone who can see the record may create, rename and
 * delete its threads and put its emails, calls, texts and notes in them or take them out; taking
 * an item out, or deleting the thread, never deletes the item. A thread on a record the actor
 * cannot see is a 404 and nothing changes.
 */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly threads: ThreadsRepository,
    private readonly threadItems: ThreadItemsRepository,
    private readonly items: ActivityItemsRepository,
    private readonly records: RecordVisibility,
    private readonly access: RecordsAccessService,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<ThreadDto>> {
    const { record } = takeRecordFilter(query, 'thread');
    await this.records.find(actor, record);
    return this.transactions.read(async (tx) => {
      const rows = await this.threads.listOn(tx, actor.accountId, record, (query.page - 1) * query.perPage, query.perPage + 1);
      return { items: rows.slice(0, query.perPage).map(toThreadDto), hasMore: rows.length > query.perPage };
    });
  }

  async get(actor: Actor, id: number): Promise<ThreadDto> {
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.read(async (tx) => toThreadDto(await this.visibleThread(tx, actor, viewer, id)));
  }

  async create(actor: Actor, data: unknown): Promise<ThreadDto> {
    const attributes = parseAttributes('thread', ThreadAttributes, data);
    const name = nameOf(attributes.name);
    const found = await this.records.findAttribute(actor, { type: attributes.resource_type, id: attributes.resource_id }, 'thread');
    return this.transactions.run(async (tx) => {
      await this.records.remember(tx, actor.accountId, found);
      return toThreadDto(await this.threads.insert(tx, actor.accountId, { type: found.resource_type, id: found.resource_id }, name, actor.userId));
    });
  }

  async rename(actor: Actor, id: number, data: unknown): Promise<ThreadDto> {
    const name = nameOf(parseAttributes('thread', ThreadRenameAttributes, data).name);
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.run(async (tx) => {
      await this.visibleThread(tx, actor, viewer, id, true);
      return toThreadDto(await this.threads.rename(tx, actor.accountId, id, name));
    });
  }

  async delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.run(async (tx) => {
      await this.visibleThread(tx, actor, viewer, id, true);
      await this.threads.delete(tx, actor.accountId, id);
      return { deleted: true as const };
    });
  }

  /** The item must be on the thread's record (filed on, attached or associated to it): 422 otherwise. */
  async addItem(actor: Actor, threadId: number, data: unknown): Promise<ThreadItemDto> {
    const attributes = parseAttributes('thread_item', ThreadItemAttributes, data);
    const item = { type: attributes.item_type, id: attributes.item_id };
    const viewer = await this.access.viewerScope(actor);
    const add = () =>
      this.transactions.run(async (tx) => {
        const thread = await this.visibleThread(tx, actor, viewer, threadId, true);
        if (!(await this.items.isOn(tx, actor.accountId, item, { type: thread.resource_type, id: thread.resource_id }))) {
          throw DomainError.invalid('thread_item', 'item_id', `${item.type} ${item.id} is not on ${thread.resource_type} ${thread.resource_id}`);
        }
        return toThreadItemDto(item, await this.threadItems.add(tx, actor.accountId, threadId, item, actor.userId));
      });
    return missingAsNotFound(add, item.type, item.id);
  }

  async removeItem(actor: Actor, threadId: number, itemType: string, itemId: number): Promise<{ deleted: true }> {
    if (!(ACTIVITY_TYPES as readonly string[]).includes(itemType)) throw DomainError.notFound('thread_item', `${itemType}/${itemId}`);
    const item = { type: itemType as ActivityType, id: itemId };
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.run(async (tx) => {
      await this.visibleThread(tx, actor, viewer, threadId, true);
      if (!(await this.threadItems.remove(tx, threadId, item))) throw DomainError.notFound('thread_item', `${itemType}/${itemId}`);
      return { deleted: true as const };
    });
  }

  /** The thread if the actor may see its record; 404 otherwise, as for a missing one. */
  private async visibleThread(tx: Tx, actor: Actor, viewer: ViewerScope, id: number, lock = false): Promise<ThreadEntity> {
    const thread = await this.threads.find(tx, actor.accountId, id, lock);
    if (!thread || !(await this.records.owns(tx, actor.accountId, viewer, { type: thread.resource_type, id: thread.resource_id }))) {
      throw DomainError.notFound('thread', id);
    }
    return thread;
  }
}

function nameOf(raw: string): string {
  const name = raw.trim();
  if (name === '') throw DomainError.invalid('thread', 'name', 'name cannot be blank', 'blank');
  return name;
}
