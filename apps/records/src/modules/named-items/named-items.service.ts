import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  RecordChangeSubject,
  ListQuery,
  NamedItemAttributes,
  NamedItemDto,
  NamedItemKind,
  Page,
  parseAttributes,
  RecordResourceType,
  RecordsEvents,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import type { NamedItemEntity } from './entities/named-item.entity';
import { toNamedItemDto } from './named-items.mapper';
import { AccessService } from '../access/access.service';
import { NamedItemsRepository } from './named-items.repository';

const EVENTS: Record<NamedItemKind, { created: RecordChangeSubject; updated: RecordChangeSubject; deleted: RecordChangeSubject }> = {
  tag: RecordsEvents.tag,
  lead_source: RecordsEvents.leadSource,
  deal_source: RecordsEvents.dealSource,
  loss_reason: RecordsEvents.lossReason,
};

/** The resource type a kind's items belong to: tags say so themselves; sources are fixed. */
const FIXED_RESOURCE_TYPE: Partial<Record<NamedItemKind, RecordResourceType | null>> = {
  lead_source: 'lead',
  deal_source: 'deal',
  loss_reason: null,
};

@Injectable()
export class NamedItemsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly items: NamedItemsRepository,
    private readonly access: AccessService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, kind: NamedItemKind, query: ListQuery): Promise<Page<NamedItemDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.items.list(tx, actor.accountId, kind, query);
      return { items: page.rows.map(toNamedItemDto), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, kind: NamedItemKind, id: number): Promise<NamedItemDto> {
    return this.transactions.read(async (tx) => toNamedItemDto(await this.load(tx, actor.accountId, kind, id)));
  }

  create(actor: Actor, kind: NamedItemKind, data: unknown): Promise<NamedItemDto> {
    const attributes = parseAttributes(kind, NamedItemAttributes, data);
    const name = attributes.name?.trim();
    if (!name) throw DomainError.invalid(kind, 'name', 'name is required', 'blank');
    const resourceType = this.resourceTypeFor(kind, attributes.resource_type);
    return this.transactions.run(async (tx) => {
      // Anyone may add a tag (records create them on use too); the other lists are settings.
      if (kind !== 'tag') await this.access.require(tx, actor, 'manage_settings', kind);
      await this.assertNameFree(tx, actor.accountId, kind, resourceType, name);
      const item = await this.items.save(tx, {
        account_id: actor.accountId,
        kind,
        creator_id: actor.userId,
        name,
        resource_type: resourceType,
      });
      await this.emit(tx, actor, EVENTS[kind].created, item);
      return toNamedItemDto(item);
    });
  }

  update(actor: Actor, kind: NamedItemKind, id: number, data: unknown): Promise<NamedItemDto> {
    const attributes = parseAttributes(kind, NamedItemAttributes, data);
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_settings', kind);
      const item = await this.load(tx, actor.accountId, kind, id);
      if (attributes.resource_type && attributes.resource_type !== item.resource_type) {
        throw DomainError.invalid(kind, 'resource_type', 'resource_type cannot be changed');
      }
      if (attributes.name !== undefined) {
        const name = attributes.name?.trim();
        if (!name) throw DomainError.invalid(kind, 'name', 'name is required', 'blank');
        if (name.toLowerCase() !== item.name.toLowerCase()) await this.assertNameFree(tx, actor.accountId, kind, item.resource_type, name);
        item.name = name;
      }
      const saved = await this.items.save(tx, item);
      await this.emit(tx, actor, EVENTS[kind].updated, saved);
      return toNamedItemDto(saved);
    });
  }

  delete(actor: Actor, kind: NamedItemKind, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_settings', kind);
      const item = await this.load(tx, actor.accountId, kind, id);
      await this.items.delete(tx, actor.accountId, kind, id);
      await this.events.publish(tx, EVENTS[kind].deleted, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: kind,
        id: item.id,
        actorId: actor.userId,
        data: null,
      });
      return { deleted: true as const };
    });
  }

  /** Tags named on a record exist as tags of its resource type afterwards (Sell creates them on use). */
  async ensureTags(tx: Tx, actor: Actor, resourceType: RecordResourceType, names: string[]): Promise<void> {
    const created = await this.items.insertMissingTags(tx, actor.accountId, actor.userId, resourceType, names);
    await this.events.publishMany(
      tx,
      RecordsEvents.tag.created,
      created.map((item) => ({
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'tag',
        id: item.id,
        actorId: actor.userId,
        data: toNamedItemDto({ ...item, created_at: new Date(item.created_at), updated_at: new Date(item.updated_at) }),
      })),
    );
  }

  /** 422 on `field` unless `id` is an item of this kind in the account. */
  async assertExists(tx: Tx, accountId: number, kind: NamedItemKind, id: number, resource: string, field: string): Promise<void> {
    if (!(await this.items.find(tx, accountId, kind, id))) {
      throw DomainError.invalid(resource, field, `${kind} ${id} does not exist`);
    }
  }

  private resourceTypeFor(kind: NamedItemKind, requested: RecordResourceType | undefined): RecordResourceType | null {
    if (kind === 'tag') {
      if (!requested) throw DomainError.invalid(kind, 'resource_type', 'resource_type is required', 'blank');
      return requested;
    }
    const fixed = FIXED_RESOURCE_TYPE[kind] ?? null;
    if (requested && requested !== fixed) throw DomainError.invalid(kind, 'resource_type', `must be ${fixed ?? 'absent'}`);
    return fixed;
  }

  private async assertNameFree(tx: Tx, accountId: number, kind: NamedItemKind, resourceType: RecordResourceType | null, name: string) {
    if (await this.items.findByName(tx, accountId, kind, resourceType, name)) {
      throw DomainError.invalid(kind, 'name', 'name has already been taken', 'taken');
    }
  }

  private async emit(tx: Tx, actor: Actor, subject: RecordChangeSubject, item: NamedItemEntity): Promise<void> {
    await this.events.publish(tx, subject, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: item.kind,
      id: item.id,
      actorId: actor.userId,
      data: toNamedItemDto(item),
    });
  }

  private async load(tx: Tx, accountId: number, kind: NamedItemKind, id: number): Promise<NamedItemEntity> {
    const item = await this.items.find(tx, accountId, kind, id);
    if (!item) throw DomainError.notFound(kind, id);
    return item;
  }
}
