import { Injectable } from '@nestjs/common';
import {
  Actor,
  ContactAttributes,
  DomainError,
  LeadConversionAttributes,
  LeadConversionDto,
  ListQuery,
  Page,
  parseAttributes,
  RecordsEvents,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { ContactsService } from '../contacts/contacts.service';
import { CustomFieldsService } from '../custom-fields/custom-fields.service';
import { DealsService } from '../deals/deals.service';
import type { LeadEntity } from '../leads/entities/lead.entity';
import { toLeadDto } from '../leads/leads.mapper';
import { LeadsRepository } from '../leads/leads.repository';
import { NotesService } from '../notes/notes.service';
import { PipelinesService } from '../pipelines/pipelines.service';
import { RecordSupportService } from '../record-support/record-support.service';
import { TasksService } from '../tasks/tasks.service';
import { toLeadConversionDto } from './lead-conversions.mapper';
import { LeadConversionsRepository } from './lead-conversions.repository';

/** Contact details a lead hands over to the contact it becomes. */
const CARRIED = ['title', 'description', 'industry', 'website', 'email', 'phone', 'mobile', 'fax', 'twitter', 'facebook', 'linkedin', 'skype'] as const;

/**
 * Lead → contact (+ organization) (+ deal), all in one transaction: the person contact, the
 * organization found by name or created and linked, an optional deal on the contact, the lead
 * marked converted, and its notes and tasks moved to the contact (other services move their
 * calls, texts and emails on `records.lead.converted.v1`).
 */
@Injectable()
export class LeadConversionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversions: LeadConversionsRepository,
    private readonly leads: LeadsRepository,
    private readonly contacts: ContactsService,
    private readonly deals: DealsService,
    private readonly pipelines: PipelinesService,
    private readonly customFields: CustomFieldsService,
    private readonly notes: NotesService,
    private readonly tasks: TasksService,
    private readonly access: AccessService,
    private readonly support: RecordSupportService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<LeadConversionDto>> {
    return this.transactions.read(async (tx) => {
      const page = await this.conversions.list(tx, actor.accountId, query);
      return { items: page.rows.map(toLeadConversionDto), hasMore: page.hasMore };
    });
  }

  get(actor: Actor, id: number): Promise<LeadConversionDto> {
    return this.transactions.read(async (tx) => {
      const conversion = await this.conversions.find(tx, actor.accountId, id);
      if (!conversion) throw DomainError.notFound('lead_conversion', id);
      return toLeadConversionDto(conversion);
    });
  }

  async convert(actor: Actor, data: unknown): Promise<LeadConversionDto> {
    const attributes = parseAttributes('lead_conversion', LeadConversionAttributes, data);
    const withDeal = Boolean(attributes.create_deal || attributes.deal);
    const ownership = { owner_id: attributes.owner_id, owner_pool_id: attributes.owner_pool_id };
    let pooled: Awaited<ReturnType<RecordSupportService['ownerFromPool']>>;
    if (attributes.owner_pool_id !== undefined) {
      // A pool's turn is taken only for a lead the user may convert; the transaction checks again.
      await this.transactions.read((tx) => this.convertibleLead(tx, actor, attributes.lead_id));
      // With a pool the contact and the deal go to the same next user: one assignment serves both.
      pooled = await this.support.ownerFromPool(actor, withDeal ? ['contact', 'deal'] : ['contact'], ownership, 'conversion');
    }
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      const lead = await this.convertibleLead(tx, actor, attributes.lead_id, true);
      const owner = ownership.owner_id ?? lead.owner_id;
      if (!pooled) this.access.assertMayAssign(access, lead.owner_id, owner, 'lead_conversion');

      const organizationId = lead.organization_name ? await this.organizationFor(tx, actor, lead, owner) : null;
      const individualId = lead.last_name ? (await this.contacts.createInTx(tx, actor, await this.personFrom(tx, lead, owner, organizationId))).id : organizationId!;
      const dealId = withDeal ? await this.dealFor(tx, actor, lead, attributes, owner, individualId) : null;
      if (pooled) {
        const recordId = pooled.resourceType === 'deal' ? dealId! : individualId;
        this.support.linkAssignmentAfterCommit(tx, actor, [pooled.assignmentId], [recordId]);
      }

      lead.status = 'Converted';
      lead.converted_at = new Date();
      const savedLead = await this.leads.save(tx, lead);
      await this.events.publish(tx, RecordsEvents.lead.updated, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'lead',
        id: lead.id,
        actorId: actor.userId,
        data: toLeadDto(savedLead),
        changed: ['status'],
      });
      const to = { type: 'contact' as const, id: individualId };
      await this.notes.repoint(tx, actor, { type: 'lead', id: lead.id }, to);
      await this.tasks.repoint(tx, actor, { type: 'lead', id: lead.id }, to);

      const conversion = await this.conversions.save(tx, {
        account_id: actor.accountId,
        lead_id: lead.id,
        individual_id: individualId,
        organization_id: organizationId,
        deal_id: dealId,
        creator_id: actor.userId,
      });
      await this.events.publish(tx, RecordsEvents.leadConverted.converted, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        leadId: lead.id,
        conversionId: conversion.id,
        contactId: individualId,
        organizationId,
        dealId,
        actorId: actor.userId,
      });
      return toLeadConversionDto(conversion);
    });
  }

  /** The lead, if it exists, the user can see it and it is not converted yet. */
  private async convertibleLead(tx: Tx, actor: Actor, leadId: number, lock = false): Promise<LeadEntity> {
    const access = await this.access.load(tx, actor);
    const lead = lock ? await this.leads.findForUpdate(tx, actor.accountId, leadId) : await this.leads.find(tx, actor.accountId, leadId);
    if (!lead) throw DomainError.notFound('lead', leadId);
    this.access.assertVisible(access, lead.owner_id, 'lead', lead.id);
    if (lead.converted_at) throw DomainError.conflict('lead_conversion', `lead ${lead.id} has already been converted`);
    return lead;
  }

  private async organizationFor(tx: Tx, actor: Actor, lead: LeadEntity, owner: number): Promise<number> {
    const existing = await this.conversions.findOrganizationByName(tx, actor.accountId, lead.organization_name!);
    if (existing) return existing.id;
    const attributes: ContactAttributes = { is_organization: true, name: lead.organization_name!, owner_id: owner };
    if (!lead.last_name) Object.assign(attributes, await this.carriedDetails(tx, lead));
    return (await this.contacts.createInTx(tx, actor, attributes)).id;
  }

  private async personFrom(tx: Tx, lead: LeadEntity, owner: number, organizationId: number | null): Promise<ContactAttributes> {
    return {
      is_organization: false,
      first_name: lead.first_name,
      last_name: lead.last_name,
      contact_id: organizationId,
      owner_id: owner,
      ...(await this.carriedDetails(tx, lead)),
    };
  }

  private async carriedDetails(tx: Tx, lead: LeadEntity): Promise<ContactAttributes> {
    const details: Record<string, unknown> = Object.fromEntries(CARRIED.map((field) => [field, lead[field]]));
    return {
      ...details,
      address: lead.address,
      tags: lead.tags,
      custom_fields: await this.customFields.carryOver(tx, lead.account_id, 'contact', lead.custom_fields),
    } as ContactAttributes;
  }

  private async dealFor(
    tx: Tx,
    actor: Actor,
    lead: LeadEntity,
    attributes: LeadConversionAttributes,
    owner: number,
    contactId: number,
  ): Promise<number> {
    const stage = await this.pipelines.stageForNewDeal(tx, actor.accountId, attributes.deal?.pipeline_id, attributes.deal?.stage_id);
    const leadName = [lead.first_name, lead.last_name].filter(Boolean).join(' ') || lead.organization_name || `Lead ${lead.id}`;
    const deal = await this.deals.createInTx(tx, actor, {
      name: attributes.deal?.name?.trim() || leadName,
      stage_id: stage.id,
      contact_id: contactId,
      owner_id: owner,
      ...(attributes.deal?.value !== undefined ? { value: attributes.deal.value } : {}),
    });
    return deal.id;
  }
}
