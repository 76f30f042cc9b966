import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  ListQuery,
  Page,
  parseAttributes,
  RecordResourceType,
  RecordsEvents,
  SmartListAttributes,
  SmartListDto,
  SmartListFilters,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { AccessService, ActorAccess } from '../access/access.service';
import { AccountBccService } from '../account-bcc/account-bcc.service';
import { CustomFieldsService } from '../custom-fields/custom-fields.service';
import { definitionsByName, FieldDefinitions } from './custom-field-filters';
import type { SmartListEntity } from './entities/smart-list.entity';
import { normalizeFilters } from './smart-list-filters';
import { Evaluation, SmartListRecordsRepository } from './smart-list-records.repository';
import { SMART_LIST_TARGETS } from './smart-list-targets';
import { rawRowToDto, RecordDto, toSmartListDto } from './smart-lists.mapper';
import { SmartListsRepository } from './smart-lists.repository';

const NO_DEFINITIONS: FieldDefinitions = new Map();

/**
 * Smart lists: saved filters over leads, contacts or deals, shared within the account. Anyone
 * may create one; its creator or a user who may manage settings may change or delete it. What
 * a list shows depends on who looks: a user who sees only their own records sees only those.
 */
@Injectable()
export class SmartListsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly smartLists: SmartListsRepository,
    private readonly records: SmartListRecordsRepository,
    private readonly access: AccessService,
    private readonly customFields: CustomFieldsService,
    private readonly bcc: AccountBccService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<SmartListDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.smartLists.list(tx, actor.accountId, query);
      return { items: page.rows.map(toSmartListDto), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<SmartListDto> {
    return this.transactions.read(async (tx) => toSmartListDto(await this.load(tx, actor.accountId, id)));
  }

  async create(actor: Actor, data: unknown): Promise<SmartListDto> {
    const attributes = parseAttributes('smart_list', SmartListAttributes, data);
    const name = attributes.name?.trim();
    if (!name) throw DomainError.invalid('smart_list', 'name', 'name is required', 'blank');
    const resourceType = attributes.resource_type;
    if (!resourceType) throw DomainError.invalid('smart_list', 'resource_type', 'resource_type is required', 'blank');
    const filters = await this.validFilters(actor, resourceType, attributes.filters ?? {});
    return this.transactions.run(async (tx) => {
      await this.access.load(tx, actor);
      const list = await this.smartLists.save(tx, {
        account_id: actor.accountId,
        name,
        resource_type: resourceType,
        filters,
        creator_id: actor.userId,
      });
      return this.emit(tx, actor, RecordsEvents.smartList.created, list);
    });
  }

  async update(actor: Actor, id: number, data: unknown): Promise<SmartListDto> {
    const attributes = parseAttributes('smart_list', SmartListAttributes, data);
    const name = attributes.name?.trim();
    if (attributes.name !== undefined && !name) throw DomainError.invalid('smart_list', 'name', 'name is required', 'blank');
    const current = await this.get(actor, id);
    if (attributes.resource_type && attributes.resource_type !== current.resource_type) {
      throw DomainError.invalid('smart_list', 'resource_type', 'resource_type cannot be changed: create another list');
    }
    // Filters are replaced as a whole, as tags are on records.
    const filters = 'filters' in attributes ? await this.validFilters(actor, current.resource_type, attributes.filters ?? {}) : undefined;
    return this.transactions.run(async (tx) => {
      const list = await this.loadForChange(tx, actor, id);
      if (name) list.name = name;
      if (filters) list.filters = filters;
      const saved = await this.smartLists.save(tx, list);
      return this.emit(tx, actor, RecordsEvents.smartList.updated, saved, Object.keys(attributes));
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      const list = await this.loadForChange(tx, actor, id);
      await this.smartLists.delete(tx, actor.accountId, id);
      await this.events.publish(tx, RecordsEvents.smartList.deleted, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'smart_list',
        id: list.id,
        actorId: actor.userId,
        data: null,
      });
      return { deleted: true as const };
    });
  }

  /** A page of the records the list matches; the list must be of `resourceType` (422 otherwise). */
  items(actor: Actor, id: number, resourceType: RecordResourceType, query: ListQuery): Promise<Page<RecordDto>> {
    return this.transactions.read(async (tx) => {
      const list = await this.load(tx, actor.accountId, id);
      if (list.resource_type !== resourceType) {
        throw DomainError.invalid(
          'smart_list',
          'resource_type',
          `smart list ${id} lists ${list.resource_type}s: read /v2/smart_lists/${id}/${list.resource_type}s`,
        );
      }
      const evaluation = await this.evaluate(tx, actor, list);
      const page = await this.records.page(tx, actor.accountId, evaluation, query);
      const bcc = resourceType === 'contact' ? await this.bcc.emailOf(tx, actor.accountId) : null;
      return { items: page.rows.map((row) => rawRowToDto(resourceType, row, bcc)), hasMore: page.hasMore };
    });
  }

  count(actor: Actor, id: number): Promise<{ count: number }> {
    return this.transactions.read(async (tx) => {
      const list = await this.load(tx, actor.accountId, id);
      const evaluation = await this.evaluate(tx, actor, list);
      return { count: await this.records.count(tx, actor.accountId, evaluation) };
    });
  }

  /**
   * How `list` is evaluated for this actor; bulk jobs snapshot the same. `definitions`: the
   * custom fields of the list's record type, read beforehand with definitionsFor.
   */
  evaluation(list: SmartListEntity, access: ActorAccess, definitions: FieldDefinitions): Evaluation {
    return { target: SMART_LIST_TARGETS[list.resource_type], filters: list.filters, definitions, ownerScope: access.ownerScope };
  }

  /**
   * The custom field definitions of a record type, read on a connection of their own: call it
   * before opening a transaction, never inside one (embedded Postgres serves one transaction at
   * a time, so a transaction waiting for a second connection would wait for itself).
   */
  async definitionsFor(actor: Actor, resourceType: RecordResourceType): Promise<FieldDefinitions> {
    return definitionsByName(await this.customFields.list(actor, resourceType));
  }

  async load(tx: Tx, accountId: number, id: number): Promise<SmartListEntity> {
    const list = await this.smartLists.find(tx, accountId, id);
    if (!list) throw DomainError.notFound('smart_list', id);
    return list;
  }

  private async loadForChange(tx: Tx, actor: Actor, id: number): Promise<SmartListEntity> {
    const list = await this.smartLists.findForUpdate(tx, actor.accountId, id);
    if (!list) throw DomainError.notFound('smart_list', id);
    const access = await this.access.load(tx, actor);
    if (list.creator_id !== actor.userId && !access.permissions.has('manage_settings')) {
      throw DomainError.forbidden('smart_list', 'only its creator or a user who may manage settings can change a smart list');
    }
    return list;
  }

  private async validFilters(actor: Actor, resourceType: RecordResourceType, filters: SmartListFilters): Promise<SmartListFilters> {
    const definitions = filters.custom_fields ? await this.definitionsFor(actor, resourceType) : NO_DEFINITIONS;
    return normalizeFilters(SMART_LIST_TARGETS[resourceType], filters, definitions);
  }

  /** For reads (no transaction is open, so the definitions may come from another connection). */
  private async evaluate(tx: Tx, actor: Actor, list: SmartListEntity): Promise<Evaluation> {
    const definitions = list.filters.custom_fields ? await this.definitionsFor(actor, list.resource_type) : NO_DEFINITIONS;
    return this.evaluation(list, await this.access.load(tx, actor), definitions);
  }

  private async emit(
    tx: Tx,
    actor: Actor,
    subject: typeof RecordsEvents.smartList.created | typeof RecordsEvents.smartList.updated,
    list: SmartListEntity,
    changed?: string[],
  ): Promise<SmartListDto> {
    const dto = toSmartListDto(list);
    await this.events.publish(tx, subject, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'smart_list',
      id: list.id,
      actorId: actor.userId,
      data: dto,
      ...(changed ? { changed } : {}),
    });
    return dto;
  }
}
