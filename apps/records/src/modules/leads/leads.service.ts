import { Injectable } from '@nestjs/common';
import { Actor, DomainError, LeadAttributes, LeadDto, ListQuery, Page, parseAttributes, RecordsEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { OwnedRecords } from '../../common/owned-records';
import { applyPartyAttributes, EMPTY_PARTY } from '../../common/party-attributes';
import { AccessService } from '../access/access.service';
import { NotesService } from '../notes/notes.service';
import { TasksService } from '../tasks/tasks.service';
import { RecordSupportService } from '../record-support/record-support.service';
import type { LeadEntity } from './entities/lead.entity';
import { toLeadDto } from './leads.mapper';
import { LeadsRepository } from './leads.repository';

@Injectable()
export class LeadsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly leads: LeadsRepository,
    private readonly support: RecordSupportService,
    private readonly access: AccessService,
    private readonly notes: NotesService,
    private readonly tasks: TasksService,
    private readonly events: EventPublisher,
  ) {
    this.owned = new OwnedRecords('lead', this.leads, this.access, this.transactions, toLeadDto);
  }

  /** Reading under the user's visibility. */
  private readonly owned: OwnedRecords<LeadEntity, LeadDto>;

  list(actor: Actor, query: ListQuery): Promise<Page<LeadDto>> {
    return this.owned.list(actor, query);
  }

  get(actor: Actor, id: number): Promise<LeadDto> {
    return this.owned.get(actor, id);
  }

  async create(actor: Actor, data: unknown): Promise<LeadDto> {
    const attributes = parseAttributes('lead', LeadAttributes, data);
    if (!attributes.last_name && !attributes.organization_name) {
      throw DomainError.invalid('lead', 'last_name', 'a lead needs a last_name or an organization_name', 'blank');
    }
    const owner = await this.support.ownerForNew(actor, 'lead', attributes);
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      if (!owner.preauthorized) this.access.assertMayAssign(access, null, attributes.owner_id ?? actor.userId, 'lead');
      const lead = this.leads.create({
        ...EMPTY_PARTY,
        account_id: actor.accountId,
        creator_id: actor.userId,
        owner_id: actor.userId,
        status: 'New',
        source_id: null,
        unqualified_reason_id: null,
        organization_name: null,
      });
      await this.apply(tx, actor, lead, attributes);
      const saved = await this.leads.save(tx, lead);
      const dto = toLeadDto(saved);
      await this.events.publish(tx, RecordsEvents.lead.created, this.event(actor, dto));
      if (owner.assignmentId !== undefined) this.support.linkAssignmentAfterCommit(tx, actor, [owner.assignmentId], [saved.id]);
      return dto;
    });
  }

  async update(actor: Actor, id: number, data: unknown): Promise<LeadDto> {
    const attributes = parseAttributes('lead', LeadAttributes, data);
    // A pool's turn is taken only for a lead the user can see.
    if (attributes.owner_pool_id !== undefined) await this.get(actor, id);
    const pooled = await this.support.ownerFromPool(actor, ['lead'], attributes);
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      const lead = await this.owned.loadVisible(tx, access, id, true);
      if (!pooled && attributes.owner_id !== undefined) this.access.assertMayAssign(access, lead.owner_id, attributes.owner_id, 'lead');
      await this.apply(tx, actor, lead, attributes);
      if (!lead.last_name && !lead.organization_name) {
        throw DomainError.invalid('lead', 'last_name', 'a lead needs a last_name or an organization_name', 'blank');
      }
      const saved = await this.leads.save(tx, lead);
      const dto = toLeadDto(saved);
      await this.events.publish(tx, RecordsEvents.lead.updated, { ...this.event(actor, dto), changed: Object.keys(attributes) });
      if (pooled) this.support.linkAssignmentAfterCommit(tx, actor, [pooled.assignmentId], [id]);
      return dto;
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      await this.owned.loadVisible(tx, access, id, true);
      await this.access.require(tx, actor, 'delete_records', 'lead');
      await this.notes.deleteAttachedTo(tx, actor, 'lead', id);
      await this.tasks.deleteAttachedTo(tx, actor, 'lead', id);
      await this.leads.delete(tx, actor.accountId, id);
      await this.events.publish(tx, RecordsEvents.lead.deleted, { ...this.event(actor, null), id });
      return { deleted: true as const };
    });
  }

  private async apply(tx: Tx, actor: Actor, lead: LeadEntity, attributes: LeadAttributes): Promise<void> {
    applyPartyAttributes(lead, attributes);
    if ('organization_name' in attributes) lead.organization_name = attributes.organization_name ?? null;
    if (attributes.status !== undefined) lead.status = attributes.status;
    if ('unqualified_reason_id' in attributes) lead.unqualified_reason_id = attributes.unqualified_reason_id ?? null;
    if ('source_id' in attributes) {
      if (attributes.source_id != null) await this.support.assertSource(tx, actor.accountId, 'lead_source', attributes.source_id, 'lead');
      lead.source_id = attributes.source_id ?? null;
    }
    await this.support.prepare(tx, actor, 'lead', lead, attributes);
  }

  private event(actor: Actor, dto: LeadDto | null) {
    return {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'lead',
      id: dto?.id ?? 0,
      actorId: actor.userId,
      data: dto,
    };
  }
}
