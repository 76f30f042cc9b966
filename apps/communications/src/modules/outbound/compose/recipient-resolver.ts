import { Injectable } from '@nestjs/common';
import { Actor, ContactDto, DomainError, LeadDto, MailAddress, MailLink, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { RecipientRecord } from './compose-input';

export interface ResolvedRecipient {
  link: MailLink;
  address: MailAddress;
  /** The record's owner, remembered so the email is visible to them at once. */
  ownerId: number;
}

interface Party {
  email: string | null;
  name: string | null;
  ownerId: number;
}

/**
 * Addresses and names from records, asked as the sender (`actor` carries only who asks): records
 * answers 404 for a lead or contact that is missing, in another account, or not visible to them,
 * so nobody can mail (or learn the address of) a record they cannot see.
 */
@Injectable()
export class RecipientResolver {
  constructor(private readonly rpc: RpcClient) {}

  recipients(actor: Actor, records: RecipientRecord[]): Promise<ResolvedRecipient[]> {
    return Promise.all(records.map((record) => this.recipient(actor, record)));
  }

  async sender(actor: Actor): Promise<MailAddress> {
    const user = await this.rpc.request(R.GetUser, { ...actor, id: actor.userId });
    return { email: user.email, name: user.name };
  }

  private async recipient(actor: Actor, record: RecipientRecord): Promise<ResolvedRecipient> {
    const party =
      record.type === 'lead'
        ? leadParty(await this.rpc.request(R.GetLead, { ...actor, id: record.id }))
        : contactParty(await this.rpc.request(R.GetContact, { ...actor, id: record.id }));
    const email = party.email?.trim();
    if (!email) throw DomainError.invalid('email', `to/${record.index}/resource_id`, `${record.type} ${record.id} has no email address`);
    return { link: { resource_type: record.type, resource_id: record.id }, address: { email, name: party.name }, ownerId: party.ownerId };
  }
}

function personName(person: { first_name: string | null; last_name: string | null }): string | null {
  return [person.first_name, person.last_name].filter((part) => part?.trim()).join(' ') || null;
}

function leadParty(lead: LeadDto): Party {
  return { email: lead.email, name: personName(lead) ?? lead.organization_name, ownerId: lead.owner_id };
}

function contactParty(contact: ContactDto): Party {
  return { email: contact.email, name: contact.is_organization ? contact.name : (personName(contact) ?? contact.name), ownerId: contact.owner_id };
}
