import { Injectable } from '@nestjs/common';
import { Actor, DomainError, FoundResource, PartyMatch } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { toE164 } from '../../common/phone';
import { AccessService } from '../access/access.service';
import { ContactsRepository } from '../contacts/contacts.repository';
import { DealsRepository } from '../deals/deals.repository';
import type { ContactEntity } from '../contacts/entities/contact.entity';
import type { LeadEntity } from '../leads/entities/lead.entity';
import { LeadsRepository } from '../leads/leads.repository';

/** Leads and contacts found by email or phone, for the services that match mail, calls and texts. */
@Injectable()
export class PartiesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly leads: LeadsRepository,
    private readonly contacts: ContactsRepository,
    private readonly deals: DealsRepository,
    private readonly access: AccessService,
  ) {}

  /** A lead, contact or deal the actor may see, with its owner; 404 otherwise. */
  findResource(actor: Actor, resourceType: FoundResource['resource_type'], resourceId: number): Promise<FoundResource> {
    return this.transactions.read(async (tx) => {
      const repository = { lead: this.leads, contact: this.contacts, deal: this.deals }[resourceType];
      const record = repository ? await repository.find(tx, actor.accountId, resourceId) : null;
      if (!record) throw DomainError.notFound(resourceType, resourceId);
      this.access.assertVisible(await this.access.load(tx, actor), record.owner_id, resourceType, resourceId);
      return { resource_type: resourceType, resource_id: resourceId, owner_id: record.owner_id };
    });
  }

  findByEmail(accountId: number, emails: string[]): Promise<PartyMatch[]> {
    const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
    if (wanted.length === 0) return Promise.resolve([]);
    return this.transactions.read(async (tx) => [
      ...(await this.contacts.findByEmails(tx, accountId, wanted)).map(fromContact),
      ...(await this.leads.findByEmails(tx, accountId, wanted)).map(fromLead),
    ]);
  }

  findByPhone(accountId: number, phones: string[]): Promise<PartyMatch[]> {
    const wanted = [...new Set(phones.map((p) => toE164(p)).filter((p): p is string => p !== null))];
    if (wanted.length === 0) return Promise.resolve([]);
    return this.transactions.read(async (tx) => [
      ...(await this.contacts.findByPhones(tx, accountId, wanted)).map(fromContact),
      ...(await this.leads.findByPhones(tx, accountId, wanted)).map(fromLead),
    ]);
  }
}

function fromLead(lead: LeadEntity): PartyMatch {
  const name = [lead.first_name, lead.last_name].filter(Boolean).join(' ') || lead.organization_name || '';
  return { resource_type: 'lead', resource_id: lead.id, owner_id: lead.owner_id, name, email: lead.email, phone: lead.phone_e164 ?? lead.mobile_e164 };
}

function fromContact(contact: ContactEntity): PartyMatch {
  return {
    resource_type: 'contact',
    resource_id: contact.id,
    owner_id: contact.owner_id,
    name: contact.name ?? '',
    email: contact.email,
    phone: contact.phone_e164 ?? contact.mobile_e164,
  };
}
