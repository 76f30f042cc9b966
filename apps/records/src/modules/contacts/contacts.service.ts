import { Injectable } from '@nestjs/common';
import { Actor, ContactAttributes, ContactDto, DomainError, ListQuery, Page, parseAttributes, RecordsEvents } from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { OwnedRecords } from '../../common/owned-records';
import { applyPartyAttributes, EMPTY_PARTY, toAddress } from '../../common/party-attributes';
import { AccessService } from '../access/access.service';
import { AccountBccService } from '../account-bcc/account-bcc.service';
import { ContactStatusService } from '../contact-status/contact-status.service';
import { NotesService } from '../notes/notes.service';
import { TasksService } from '../tasks/tasks.service';
import { RecordSupportService } from '../record-support/record-support.service';
import { toContactDto } from './contacts.mapper';
import { ContactsRepository } from './contacts.repository';
import type { ContactEntity } from './entities/contact.entity';

@Injectable()
export class ContactsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly contacts: ContactsRepository,
    private readonly support: RecordSupportService,
    private readonly access: AccessService,
    private readonly notes: NotesService,
    private readonly tasks: TasksService,
    private readonly statuses: ContactStatusService,
    private readonly bcc: AccountBccService,
    private readonly events: EventPublisher,
  ) {
    // Rows, not DTOs: a DTO also needs the account's BCC address, read once per request.
    this.owned = new OwnedRecords('contact', this.contacts, this.access, this.transactions, (contact) => contact);
  }

  /** Reading under the user's visibility. */
  private readonly owned: OwnedRecords<ContactEntity, ContactEntity>;

  async list(actor: Actor, query: ListQuery): Promise<Page<ContactDto>> {
    const page = await this.owned.list(actor, query);
    const bcc = await this.transactions.read((tx) => this.bcc.emailOf(tx, actor.accountId));
    return { items: page.items.map((contact) => toContactDto(contact, bcc)), hasMore: page.hasMore };
  }

  async get(actor: Actor, id: number): Promise<ContactDto> {
    const contact = await this.owned.get(actor, id);
    return toContactDto(contact, await this.transactions.read((tx) => this.bcc.emailOf(tx, actor.accountId)));
  }

  async create(actor: Actor, data: unknown): Promise<ContactDto> {
    const attributes = parseAttributes('contact', ContactAttributes, data);
    const owner = await this.support.ownerForNew(actor, 'contact', attributes);
    return this.transactions.run(async (tx) => {
      const contact = await this.createInTx(tx, actor, attributes, owner);
      return toContactDto(contact, await this.bcc.emailOf(tx, actor.accountId));
    });
  }

  /** Also used by lead conversion, inside its transaction; `owner`: how the owner was chosen, when not by the caller. */
  async createInTx(
    tx: Tx,
    actor: Actor,
    attributes: ContactAttributes,
    owner: { assignmentId?: number; preauthorized: boolean } = { preauthorized: false },
  ): Promise<ContactEntity> {
    const access = await this.access.load(tx, actor);
    if (!owner.preauthorized) this.access.assertMayAssign(access, null, attributes.owner_id ?? actor.userId, 'contact');
    const contact = this.contacts.create({
      ...EMPTY_PARTY,
      account_id: actor.accountId,
      creator_id: actor.userId,
      owner_id: actor.userId,
      is_organization: attributes.is_organization ?? false,
      contact_id: null,
      name: null,
      customer_status: 'none',
      prospect_status: 'none',
      billing_address: null,
      shipping_address: null,
    });
    await this.apply(tx, actor, contact, attributes);
    const saved = await this.contacts.save(tx, contact);
    const dto = toContactDto(saved, await this.bcc.emailOf(tx, actor.accountId));
    await this.events.publish(tx, RecordsEvents.contact.created, this.event(actor, saved.id, dto));
    if (owner.assignmentId !== undefined) this.support.linkAssignmentAfterCommit(tx, actor, [owner.assignmentId], [saved.id]);
    return saved;
  }

  async update(actor: Actor, id: number, data: unknown): Promise<ContactDto> {
    const attributes = parseAttributes('contact', ContactAttributes, data);
    if (attributes.owner_pool_id !== undefined) await this.get(actor, id);
    const pooled = await this.support.ownerFromPool(actor, ['contact'], attributes);
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      const contact = await this.owned.loadVisible(tx, access, id, true);
      if (!pooled && attributes.owner_id !== undefined) this.access.assertMayAssign(access, contact.owner_id, attributes.owner_id, 'contact');
      if (attributes.is_organization !== undefined && attributes.is_organization !== contact.is_organization) {
        throw DomainError.invalid('contact', 'is_organization', 'is_organization cannot be changed after creation');
      }
      await this.apply(tx, actor, contact, attributes);
      const saved = await this.contacts.save(tx, contact);
      const dto = toContactDto(saved, await this.bcc.emailOf(tx, actor.accountId));
      await this.events.publish(tx, RecordsEvents.contact.updated, { ...this.event(actor, id, dto), changed: Object.keys(attributes) });
      if (pooled) this.support.linkAssignmentAfterCommit(tx, actor, [pooled.assignmentId], [id]);
      return dto;
    });
  }

  delete(actor: Actor, id: number): Promise<{ deleted: true }> {
    return this.transactions.run(async (tx) => {
      const access = await this.access.load(tx, actor);
      await this.owned.loadVisible(tx, access, id, true);
      await this.access.require(tx, actor, 'delete_records', 'contact');
      await this.notes.deleteAttachedTo(tx, actor, 'contact', id);
      await this.tasks.deleteAttachedTo(tx, actor, 'contact', id);
      // People at this organization and deals pointing here lose the link (foreign keys SET NULL).
      await this.contacts.delete(tx, actor.accountId, id);
      await this.events.publish(tx, RecordsEvents.contact.deleted, this.event(actor, id, null));
      return { deleted: true as const };
    });
  }

  /** A contact deals may point to, or a 422 on `field`. */
  async requireContact(tx: Tx, accountId: number, id: number, resource: string, field: string): Promise<ContactEntity> {
    const contact = await this.contacts.find(tx, accountId, id);
    if (!contact) throw DomainError.invalid(resource, field, `contact ${id} does not exist`);
    return contact;
  }

  private async apply(tx: Tx, actor: Actor, contact: ContactEntity, attributes: ContactAttributes): Promise<void> {
    applyPartyAttributes(contact, attributes);
    if ('billing_address' in attributes) contact.billing_address = toAddress(attributes.billing_address);
    if ('shipping_address' in attributes) contact.shipping_address = toAddress(attributes.shipping_address);
    await this.applyHandSetStatuses(tx, actor, contact, attributes);
    if (contact.is_organization) {
      if ('name' in attributes) contact.name = attributes.name?.trim() || null;
      if (!contact.name) throw DomainError.invalid('contact', 'name', 'an organization needs a name', 'blank');
      if (attributes.contact_id != null) throw DomainError.invalid('contact', 'contact_id', 'an organization cannot belong to another');
    } else {
      if (!contact.last_name) throw DomainError.invalid('contact', 'last_name', 'a person needs a last_name', 'blank');
      contact.name = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
      if ('contact_id' in attributes) {
        if (attributes.contact_id != null) {
          const organization = await this.contacts.find(tx, actor.accountId, attributes.contact_id);
          if (!organization?.is_organization) {
            throw DomainError.invalid('contact', 'contact_id', `contact ${attributes.contact_id} is not an organization of this account`);
          }
        }
        contact.contact_id = attributes.contact_id ?? null;
      }
    }
    await this.support.prepare(tx, actor, 'contact', contact, attributes);
  }

  /**
   * The statuses follow the contact's deals. By hand, a current customer may only be marked past
   * (and back); anything else would contradict the deals and is refused.
   */
  private async applyHandSetStatuses(tx: Tx, actor: Actor, contact: ContactEntity, attributes: ContactAttributes): Promise<void> {
    const wanted = attributes.customer_status;
    if (wanted !== undefined && wanted !== contact.customer_status) {
      const allowed = (contact.customer_status === 'current' && wanted === 'past') || (contact.customer_status === 'past' && wanted === 'current');
      if (!allowed || contact.id === undefined) {
        throw DomainError.invalid('contact', 'customer_status', 'follows the contact\'s deals; only a current customer can be marked past');
      }
      await this.statuses.announce(tx, actor, contact.id, 'customer_status', contact.customer_status, wanted, null);
      contact.customer_status = wanted;
    }
    if (attributes.prospect_status !== undefined && attributes.prospect_status !== contact.prospect_status) {
      throw DomainError.invalid('contact', 'prospect_status', 'follows the contact\'s deals and cannot be set by hand');
    }
  }

  private event(actor: Actor, id: number, dto: ContactDto | null) {
    return { accountId: actor.accountId, correlationId: actor.correlationId, entity: 'contact', id, actorId: actor.userId, data: dto };
  }
}
