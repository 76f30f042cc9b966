import { Injectable } from '@nestjs/common';
import { Actor, DealAttributes, DealDto, decimalValueOf, DomainError, ListQuery, Page, parseAttributes, RecordsEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { OwnedRecords } from '../../common/owned-records';
import { normalizeTags } from '../../common/party-attributes';
import { AccessService } from '../access/access.service';
import { ContactStatusService } from '../contact-status/contact-status.service';
import { NotesService } from '../notes/notes.service';
import { TasksService } from '../tasks/tasks.service';
import { AccountsService } from '../accounts/accounts.service';
import { ContactsService } from '../contacts/contacts.service';
import { PipelinesService } from '../pipelines/pipelines.service';
import { RecordSupportService } from '../record-support/record-support.service';
import { DealContactsService } from './deal-contacts.service';
import { toDealDto } from './deals.mapper';
import { DealsRepository } from './deals.repository';
import type { StageEntity } from '../pipelines/entities/stage.entity';
import type { DealEntity } from './entities/deal.entity';

@Injectable()
export class DealsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deals: DealsRepository,
    private readonly dealContacts: DealContactsService,
    private readonly contacts: ContactsService,
    private readonly pipelines: PipelinesService,
    private readonly accounts: AccountsService,
    private readonly support: RecordSupportService,
    private readonly access: AccessService,
    private readonly notes: NotesService,
    private readonly tasks: TasksService,
    private readonly statuses: ContactStatusService,
    private readonly events: EventPublisher,
  ) {
    this.owned = new OwnedRecords('deal', this.deals, this.access, this.transactions, toDealDto);
  }

  /** Reading under the user's visibility. */
  private readonly owned: OwnedRecords<DealEntity, DealDto>;

  list(actor: Actor, query: ListQuery): Promise<Page<DealDto>> {
    return this.owned.list(actor, query);
  }

  get(actor: Actor, id: number): Promise<DealDto> {
    return this.owned.get(actor, id);
  }

  async create(actor: Actor, data: unknown): Promise<DealDto> {
    const attributes = parseAttributes('deal', DealAttributes, data);
    if (!attributes.name?.trim()) throw DomainError.invalid('deal', 'name', 'name is required', 'blank');
    const owner = await this.support.ownerForNew(actor, 'deal', attributes);
    return this.transactions.run(async (tx) => toDealDto(await this.createInTx(tx, actor, attributes, owner)));
  }

  /** Also used by lead conversion, inside its transaction; `owner`: how the owner was chosen, when not by the caller. */
  async createInTx(
    tx: Tx,
    actor: Actor,
    attributes: DealAttributes,
    owner: { assignmentId?: number; preauthorized: boolean } = { preauthorized: false },
  ): Promise<DealEntity> {
    const name = attributes.name?.trim();
    if (!name) throw DomainError.invalid('deal', 'name', 'name is required', 'blank');
    const access = await this.access.load(tx, actor);
    if (!owner.preauthorized) this.access.assertMayAssign(access, null, attributes.owner_id ?? actor.userId, 'deal');
    const stage = await this.pipelines.requireStage(tx, actor.accountId, attributes.stage_id);
    const now = new Date();
    const deal = this.deals.create({
      account_id: actor.accountId,
      creator_id: actor.userId,
      owner_id: actor.userId,
      name,
      value: '0.00',
      currency: attributes.currency ?? (await this.accounts.currencyOf(tx, actor.accountId)),
      hot: false,
      stage_id: stage.id,
      contact_id: null,
      organization_id: null,
      source_id: null,
      loss_reason_id: null,
      unqualified_reason_id: null,
      dropbox_email: null,
      estimated_close_date: null,
      customized_win_likelihood: null,
      last_stage_change_at: now,
      last_stage_change_by_id: actor.userId,
      added_at: now,
      tags: [],
      custom_fields: {},
    });
    await this.apply(tx, actor, deal, { ...attributes, stage_id: undefined });
    const saved = await this.deals.save(tx, deal);
    if (saved.contact_id) await this.dealContacts.linkInTx(tx, actor, saved.id, saved.contact_id);
    await this.events.publish(tx, RecordsEvents.deal.created, this.event(actor, saved.id, toDealDto(saved)));
    if (owner.assignmentId !== undefined) this.support.linkAssignmentAfterCommit(tx, actor, [owner.assignmentId], [saved.id]);
    await this.statuses.refresh(tx, actor, saved.id, [], stage.category === 'won');
    return saved;
  }

  async update(actor: Actor, id: number, data: unknown): Promise<DealDto> {
    const attributes = parseAttributes('deal', DealAttributes, data);
    if (attributes.owner_pool_id !== undefined) await this.get(actor, id);
    const pooled = await this.support.ownerFromPool(actor, ['deal'], attributes);
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      const deal = await this.owned.loadVisible(tx, access, id, true);
      if (!pooled && attributes.owner_id !== undefined) this.access.assertMayAssign(access, deal.owner_id, attributes.owner_id, 'deal');
      const previousContact = deal.contact_id;
      const contactsBefore = await this.statuses.contactsOfDeal(tx, actor.accountId, id);
      const { newStage } = await this.apply(tx, actor, deal, attributes);
      const saved = await this.deals.save(tx, deal);
      if (saved.contact_id && saved.contact_id !== previousContact) await this.dealContacts.linkInTx(tx, actor, id, saved.contact_id);
      const dto = toDealDto(saved);
      await this.events.publish(tx, RecordsEvents.deal.updated, { ...this.event(actor, id, dto), changed: Object.keys(attributes) });
      if (pooled) this.support.linkAssignmentAfterCommit(tx, actor, [pooled.assignmentId], [id]);
      await this.statuses.refresh(tx, actor, id, contactsBefore, newStage?.category === 'won');
      return dto;
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      await this.owned.loadVisible(tx, access, id, true);
      await this.access.require(tx, actor, 'delete_records', 'deal');
      await this.notes.deleteAttachedTo(tx, actor, 'deal', id);
      await this.tasks.deleteAttachedTo(tx, actor, 'deal', id);
      const contactsBefore = await this.statuses.contactsOfDeal(tx, actor.accountId, id);
      await this.deals.delete(tx, actor.accountId, id);
      await this.events.publish(tx, RecordsEvents.deal.deleted, this.event(actor, id, null));
      await this.statuses.refresh(tx, actor, id, contactsBefore, false);
      return { deleted: true as const };
    });
  }

  /** Applies the attributes to the deal; `newStage` when it moved to another stage. */
  private async apply(tx: Tx, actor: Actor, deal: DealEntity, attributes: DealAttributes): Promise<{ newStage?: StageEntity }> {
    let newStage: StageEntity | undefined;
    if (attributes.name !== undefined) {
      const name = attributes.name.trim();
      if (!name) throw DomainError.invalid('deal', 'name', 'name cannot be blank', 'blank');
      deal.name = name;
    }
    if (attributes.owner_id !== undefined) deal.owner_id = attributes.owner_id;
    if ('value' in attributes) deal.value = decimalValueOf(attributes.value);
    if (attributes.currency !== undefined) deal.currency = attributes.currency.toUpperCase();
    if (attributes.hot !== undefined) deal.hot = attributes.hot;
    if ('estimated_close_date' in attributes) deal.estimated_close_date = attributes.estimated_close_date?.slice(0, 10) ?? null;
    if ('customized_win_likelihood' in attributes) deal.customized_win_likelihood = attributes.customized_win_likelihood ?? null;
    if ('unqualified_reason_id' in attributes) deal.unqualified_reason_id = attributes.unqualified_reason_id ?? null;
    if ('added_on' in attributes && attributes.added_on) deal.added_at = new Date(attributes.added_on);
    if (attributes.stage_id !== undefined && attributes.stage_id !== deal.stage_id) {
      newStage = await this.pipelines.requireStage(tx, actor.accountId, attributes.stage_id);
      deal.stage_id = newStage.id;
      deal.last_stage_change_at = attributes.last_stage_change_at ? new Date(attributes.last_stage_change_at) : new Date();
      deal.last_stage_change_by_id = actor.userId;
    }
    if ('contact_id' in attributes) {
      deal.contact_id = attributes.contact_id ?? null;
      deal.organization_id = null;
      if (attributes.contact_id != null) {
        const contact = await this.contacts.requireContact(tx, actor.accountId, attributes.contact_id, 'deal', 'contact_id');
        deal.organization_id = contact.is_organization ? contact.id : contact.contact_id;
      }
    }
    if ('source_id' in attributes) {
      if (attributes.source_id != null) await this.support.assertSource(tx, actor.accountId, 'deal_source', attributes.source_id, 'deal');
      deal.source_id = attributes.source_id ?? null;
    }
    if ('loss_reason_id' in attributes) {
      if (attributes.loss_reason_id != null) await this.support.assertLossReason(tx, actor.accountId, attributes.loss_reason_id);
      deal.loss_reason_id = attributes.loss_reason_id ?? null;
    }
    if (attributes.tags) deal.tags = normalizeTags(attributes.tags);
    await this.support.prepare(tx, actor, 'deal', deal, attributes);
    return { newStage };
  }

  private event(actor: Actor, id: number, dto: DealDto | null) {
    return { accountId: actor.accountId, correlationId: actor.correlationId, entity: 'deal', id, actorId: actor.userId, data: dto };
  }
}
