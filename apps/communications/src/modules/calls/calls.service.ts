import { Injectable } from '@nestjs/common';
import { Actor, CallDto, DomainError, FoundResource, ListQuery, Page } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { CallOutcomesService } from '../call-outcomes/call-outcomes.service';
import { RecordOwnersRepository } from '../record-owners/record-owners.repository';
import { RecordsAccessService, ViewerScope } from '../records-access/records-access.service';
import { callEvents } from './call-events';
import { CallChanges, parseCallAttributes } from './call-input';
import { toCallDto } from './calls.mapper';
import { CallsRepository } from './calls.repository';
import type { CallEntity } from './entities/call.entity';

/**
 * Calls logged through the API (telephony will record its own later). Questions for records
 * (may the actor see this lead? does this user exist?) are asked before the transaction opens,
 * so no transaction waits on another service.
 */
@Injectable()
export class CallsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly calls: CallsRepository,
    private readonly outcomes: CallOutcomesService,
    private readonly owners: RecordOwnersRepository,
    private readonly access: RecordsAccessService,
    private readonly events: EventPublisher,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<CallDto>> {
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.read(async (tx) => {
      const page = await this.calls.list(tx, actor.accountId, query, viewer);
      return { items: page.rows.map(toCallDto), hasMore: page.hasMore };
    });
  }

  async get(actor: Actor, id: number): Promise<CallDto> {
    return toCallDto(await this.visibleCall(actor, await this.access.viewerScope(actor), id));
  }

  async create(actor: Actor, data: unknown): Promise<CallDto> {
    const changes = parseCallAttributes(data, null);
    const resourceOwner = await this.checkReferences(actor, changes, actor.userId);
    return this.transactions.run(async (tx) => {
      await this.checkOutcome(tx, actor, changes);
      const call = await this.calls.insert(tx, actor.accountId, {
        user_id: actor.userId,
        summary: null,
        recording_url: null,
        outcome_id: null,
        duration: 0,
        incoming: false,
        missed: false,
        external_id: null,
        resource_type: null,
        resource_id: null,
        associated_deal_ids: [],
        made_at: new Date(),
        phone_number: '', // parseCallAttributes refuses a new call without one
        ...changes.fields,
      });
      await this.rememberOwner(tx, actor, resourceOwner);
      const dto = toCallDto(call);
      await callEvents.created(this.events, tx, this.source(actor), dto);
      return dto;
    });
  }

  async update(actor: Actor, id: number, data: unknown): Promise<CallDto> {
    const viewer = await this.access.viewerScope(actor);
    const current = await this.visibleCall(actor, viewer, id);
    const changes = parseCallAttributes(data, current);
    const resourceOwner = await this.checkReferences(actor, changes, current.user_id);
    return this.transactions.run(async (tx) => {
      // Locked, and still there and visible now that the questions to records are answered.
      if (!(await this.calls.find(tx, actor.accountId, id, viewer, true))) throw DomainError.notFound('call', id);
      await this.checkOutcome(tx, actor, changes);
      const call = await this.calls.update(tx, actor.accountId, id, changes.fields);
      await this.rememberOwner(tx, actor, resourceOwner);
      const dto = toCallDto(call);
      await callEvents.updated(this.events, tx, this.source(actor), [dto], changes.sent);
      return dto;
    });
  }

  async delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.run(async (tx) => {
      if (!(await this.calls.find(tx, actor.accountId, id, viewer, true))) throw DomainError.notFound('call', id);
      await this.calls.delete(tx, actor.accountId, id);
      await callEvents.deleted(this.events, tx, this.source(actor), [id]);
      return { deleted: true as const };
    });
  }

  /** The call if the actor may see it; 404 otherwise, as for a missing one. */
  private async visibleCall(actor: Actor, viewer: ViewerScope, id: number): Promise<CallEntity> {
    const call = await this.transactions.read((tx) => this.calls.find(tx, actor.accountId, id, viewer));
    if (!call) throw DomainError.notFound('call', id);
    return call;
  }

  /** The records a call names must be ones the actor can see; returns the new resource's owner. */
  private async checkReferences(actor: Actor, changes: CallChanges, currentUserId: number): Promise<FoundResource | null> {
    const { resource, dealIds, fields } = changes;
    const found = resource ? this.access.findAttachable(actor, 'call', 'resource_id', resource.type, resource.id) : Promise.resolve(null);
    const deals = (dealIds ?? []).map((dealId) => this.access.findAttachable(actor, 'call', 'associated_deal_ids', 'deal', dealId));
    const user =
      fields.user_id !== undefined && fields.user_id !== currentUserId
        ? this.access.assertUser(actor, 'call', 'user_id', fields.user_id)
        : Promise.resolve();
    const [owner] = await Promise.all([found, Promise.all(deals), user]);
    return owner;
  }

  private async checkOutcome(tx: Tx, actor: Actor, changes: CallChanges): Promise<void> {
    const outcomeId = changes.fields.outcome_id;
    if (outcomeId != null) await this.outcomes.assertOutcome(tx, actor.accountId, outcomeId, 'call', 'outcome_id');
  }

  private async rememberOwner(tx: Tx, actor: Actor, found: FoundResource | null): Promise<void> {
    if (found) await this.owners.rememberIfMissing(tx, actor.accountId, found.resource_type, found.resource_id, found.owner_id);
  }

  private source(actor: Actor) {
    return { accountId: actor.accountId, actorId: actor.userId, correlationId: actor.correlationId };
  }
}
