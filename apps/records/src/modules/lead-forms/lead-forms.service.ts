import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  Actor,
  DistributionRequests,
  DomainError,
  LeadFormAttributes,
  LeadFormDto,
  ListQuery,
  Page,
  parseAttributes,
  RecordsEvents,
} from '@crm/contracts';
import { EventPublisher, RpcClient, TransactionRunner, Tx } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { CustomFieldsService } from '../custom-fields/custom-fields.service';
import { UsersService } from '../users/users.service';
import { normalizeFormFields } from './lead-form-fields';
import { toLeadFormDto } from './lead-forms.mapper';
import { LeadFormRow, LeadFormsRepository, LeadFormValues } from './lead-forms.repository';

const RESOURCE = 'lead_form';

/** Public lead-capture forms, managed by admins (manage settings): their fields, owner and token. */
@Injectable()
export class LeadFormsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly forms: LeadFormsRepository,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly customFields: CustomFieldsService,
    private readonly rpc: RpcClient,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<LeadFormDto>> {
    return this.transactions.read(async (tx) => {
      await this.access.require(tx, actor, 'manage_settings', RESOURCE);
      const rows = await this.forms.page(tx, actor.accountId, query.page, query.perPage);
      return { items: rows.slice(0, query.perPage).map(toLeadFormDto), hasMore: rows.length > query.perPage };
    });
  }

  get(actor: Actor, id: number): Promise<LeadFormDto> {
    return this.transactions.read(async (tx) => {
      await this.access.require(tx, actor, 'manage_settings', RESOURCE);
      return toLeadFormDto(await this.load(tx, actor.accountId, id, false));
    });
  }

  async create(actor: Actor, data: unknown): Promise<LeadFormDto> {
    const attributes = parseAttributes(RESOURCE, LeadFormAttributes, data);
    await this.requireManageSettings(actor);
    if (!attributes.name?.trim()) throw DomainError.invalid(RESOURCE, 'name', 'name is required', 'blank');
    if (!attributes.fields) throw DomainError.invalid(RESOURCE, 'fields', 'fields are required', 'blank');
    // The pool and custom fields are checked before the transaction: they ask other services.
    const values = await this.checkedValues(actor, attributes, null);
    return this.transactions.run(async (tx) => {
      if (values.owner_id !== null) await this.users.assertActiveUsers(tx, actor.accountId, RESOURCE, 'owner_id', [values.owner_id]);
      const row = await this.forms.insert(tx, actor.accountId, actor.userId, newPublicToken(), values);
      const dto = toLeadFormDto(row);
      await this.events.publish(tx, RecordsEvents.leadForm.created, this.event(actor, dto.id, dto));
      return dto;
    });
  }

  async update(actor: Actor, id: number, data: unknown): Promise<LeadFormDto> {
    const attributes = parseAttributes(RESOURCE, LeadFormAttributes, data, ['token', 'creator_id']);
    await this.requireManageSettings(actor);
    const existing = await this.transactions.read((tx) => this.load(tx, actor.accountId, id, false));
    const values = await this.checkedValues(actor, attributes, existing);
    return this.transactions.run(async (tx) => {
      await this.load(tx, actor.accountId, id, true);
      if (values.owner_id !== null && values.owner_id !== existing.owner_id) {
        await this.users.assertActiveUsers(tx, actor.accountId, RESOURCE, 'owner_id', [values.owner_id]);
      }
      const dto = toLeadFormDto(await this.forms.update(tx, actor.accountId, id, values));
      await this.events.publish(tx, RecordsEvents.leadForm.updated, { ...this.event(actor, id, dto), changed: Object.keys(attributes) });
      return dto;
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      await this.access.require(tx, actor, 'manage_settings', RESOURCE);
      await this.load(tx, actor.accountId, id, true);
      await this.forms.delete(tx, actor.accountId, id);
      await this.events.publish(tx, RecordsEvents.leadForm.deleted, this.event(actor, id, null));
      return { deleted: true as const };
    });
  }

  private requireManageSettings(actor: Actor): Promise<unknown> {
    return this.transactions.read((tx) => this.access.require(tx, actor, 'manage_settings', RESOURCE));
  }

  private async load(tx: Tx, accountId: number, id: number, forUpdate: boolean): Promise<LeadFormRow> {
    const row = await this.forms.find(tx, accountId, id, forUpdate);
    if (!row) throw DomainError.notFound(RESOURCE, id);
    return row;
  }

  /** The form after the change: owner is a user or a lead pool (not both), custom fields exist. */
  private async checkedValues(actor: Actor, attributes: LeadFormAttributes, existing: LeadFormRow | null): Promise<LeadFormValues> {
    if (attributes.owner_id != null && attributes.owner_pool_id != null) {
      throw DomainError.invalid(RESOURCE, 'owner_pool_id', 'give owner_id or owner_pool_id, not both');
    }
    let owner = { owner_id: existing?.owner_id ?? null, owner_pool_id: existing?.owner_pool_id ?? null };
    if (attributes.owner_id != null) owner = { owner_id: attributes.owner_id, owner_pool_id: null };
    else if (attributes.owner_pool_id != null) owner = { owner_id: null, owner_pool_id: attributes.owner_pool_id };
    else {
      if ('owner_id' in attributes) owner.owner_id = null;
      if ('owner_pool_id' in attributes) owner.owner_pool_id = null;
    }
    const fields = attributes.fields ? normalizeFormFields(attributes.fields) : existing!.fields;
    if (attributes.fields) await this.assertCustomFieldsExist(actor, fields.filter((f) => f.custom_field).map((f) => f.name));
    if (attributes.owner_pool_id != null) await this.assertLeadPool(actor, attributes.owner_pool_id);
    return {
      name: attributes.name?.trim() || existing!.name,
      fields,
      ...owner,
      active: attributes.active ?? existing?.active ?? true,
      redirect_url: 'redirect_url' in attributes ? (attributes.redirect_url ?? null) : (existing?.redirect_url ?? null),
    };
  }

  private async assertCustomFieldsExist(actor: Actor, names: string[]): Promise<void> {
    if (names.length === 0) return;
    const known = new Set((await this.customFields.list(actor, 'lead')).map((f) => f.name));
    const missing = names.find((name) => !known.has(name));
    if (missing !== undefined) throw DomainError.invalid(RESOURCE, 'fields', `leads have no custom field named ${missing}`);
  }

  private async assertLeadPool(actor: Actor, poolId: number): Promise<void> {
    const pool = await this.rpc.request(DistributionRequests.GetPool, { ...actor, id: poolId }).catch((error: unknown) => {
      if (error instanceof DomainError && error.status === 404) throw DomainError.invalid(RESOURCE, 'owner_pool_id', `distribution pool ${poolId} does not exist`);
      throw error;
    });
    if (pool.resource_type !== 'lead') {
      throw DomainError.invalid(RESOURCE, 'owner_pool_id', `pool ${poolId} distributes ${pool.resource_type}s, not leads`);
    }
  }

  private event(actor: Actor, id: number, dto: LeadFormDto | null) {
    return { accountId: actor.accountId, correlationId: actor.correlationId, entity: RESOURCE, id, actorId: actor.userId, data: dto };
  }
}

/** 32 random bytes: 43 URL-safe characters, unguessable; uniqueness is enforced by the table. */
function newPublicToken(): string {
  return randomBytes(32).toString('base64url');
}
