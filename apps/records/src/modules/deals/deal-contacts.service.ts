import { Injectable } from '@nestjs/common';
import {
  Actor,
  AssociatedContactAttributes,
  AssociatedContactDto,
  DealContactIds,
  DomainError,
  ListQuery,
  Page,
  parseAttributes,
  RecordsEvents,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { AccessService } from '../access/access.service';
import { ContactStatusService } from '../contact-status/contact-status.service';
import { ContactsService } from '../contacts/contacts.service';
import { toAssociatedContactDto } from './deals.mapper';
import { DealsRepository } from './deals.repository';

/** The contacts involved in a deal, each with a role; the deal's primary contact is always one. */
@Injectable()
export class DealContactsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deals: DealsRepository,
    private readonly contacts: ContactsService,
    private readonly access: AccessService,
    private readonly statuses: ContactStatusService,
    private readonly events: EventPublisher,
  ) {}

  list(actor: Actor, dealId: number, query: ListQuery): Promise<Page<AssociatedContactDto>> {
    return this.transactions.read(async (tx) => {
      await this.requireDeal(tx, actor, dealId);
      const page = await this.deals.listContacts(tx, actor.accountId, dealId, query);
      return { items: page.rows.map(toAssociatedContactDto), hasMore: page.hasMore };
    });
  }

  add(actor: Actor, dealId: number, data: unknown): Promise<AssociatedContactDto> {
    const attributes = parseAttributes('associated_contact', AssociatedContactAttributes, data);
    return this.transactions.run(async (tx) => {
      await this.requireDeal(tx, actor, dealId);
      await this.contacts.requireContact(tx, actor.accountId, attributes.contact_id, 'associated_contact', 'contact_id');
      const link = await this.linkInTx(tx, actor, dealId, attributes.contact_id, attributes.role);
      await this.statuses.refresh(tx, actor, dealId, [], false);
      return toAssociatedContactDto(link);
    });
  }

  remove(actor: Actor, dealId: number, contactId: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      await this.requireDeal(tx, actor, dealId);
      const link = await this.deals.findContactLink(tx, actor.accountId, dealId, contactId);
      if (!link) throw DomainError.notFound('associated_contact', contactId);
      await this.deals.deleteContactLink(tx, actor.accountId, dealId, contactId);
      await this.statuses.refresh(tx, actor, dealId, [contactId], false);
      await this.events.publish(tx, RecordsEvents.dealContact.deleted, {
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'deal_contact',
        id: dealId,
        actorId: actor.userId,
        data: { deal_id: dealId, contact_id: contactId },
      });
      return { deleted: true as const };
    });
  }

  /**
   * For services that file mail on a deal's people: each existing deal's primary contact first,
   * then its associated contacts, without repeats. Deals not in the account are left out.
   */
  contactIdsOf(accountId: number, dealIds: unknown): Promise<DealContactIds[]> {
    const wanted = Array.isArray(dealIds) ? [...new Set(dealIds.filter((id): id is number => Number.isSafeInteger(id) && id > 0))] : [];
    if (wanted.length === 0) return Promise.resolve([]);
    return this.transactions.read(async (tx) => {
      const rows = new Map((await this.deals.contactIdsOfDeals(tx, accountId, wanted)).map((row) => [row.deal_id, row]));
      return wanted
        .filter((id) => rows.has(id))
        .map((id) => {
          const row = rows.get(id)!;
          const ids = row.contact_id === null ? row.linked : [row.contact_id, ...row.linked];
          return { deal_id: id, contact_ids: [...new Set(ids)] };
        });
    });
  }

  /** Link a contact to a deal, or change the role of an existing link. */
  async linkInTx(tx: Tx, actor: Actor, dealId: number, contactId: number, role = 'involved') {
    const existing = await this.deals.findContactLink(tx, actor.accountId, dealId, contactId);
    if (existing && existing.role === role) return existing;
    const link = await this.deals.saveContactLink(tx, {
      ...(existing ?? {}),
      account_id: actor.accountId,
      deal_id: dealId,
      contact_id: contactId,
      role,
    });
    await this.events.publish(tx, existing ? RecordsEvents.dealContact.updated : RecordsEvents.dealContact.created, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'deal_contact',
      id: dealId,
      actorId: actor.userId,
      data: { deal_id: dealId, ...toAssociatedContactDto(link) },
    });
    return link;
  }

  /** 404 unless the deal exists and the user may see it. */
  private async requireDeal(tx: Tx, actor: Actor, dealId: number): Promise<void> {
    const deal = await this.deals.find(tx, actor.accountId, dealId);
    if (!deal) throw DomainError.notFound('deal', dealId);
    this.access.assertVisible(await this.access.load(tx, actor), deal.owner_id, 'deal', dealId);
  }
}
