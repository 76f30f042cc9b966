import { Inject, Injectable } from '@nestjs/common';
import { EnsuredContact, IngestLogEntry, MailAddress, MailLink, PartyMatch, RecordsRequests, UserEmailMatch } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { MAIL_INGEST_SETTINGS, MailIngestEnv } from '../../config';
import type { ClaimedMessage } from '../messages/raw-messages.repository';
import { ForwardedOriginal, unwrapForward } from './forwarded';
import { FilingPlan, planFiling, UnfileableMessage } from './filing-plan';
import { planMailboxFiling } from './mailbox-filing-plan';
import { ParsedMessage, parseMessage } from './parsed-message';

export interface FiledMessage {
  row: ClaimedMessage;
  parsed: ParsedMessage;
  plan: FilingPlan;
  links: MailLink[];
  log: IngestLogEntry[];
  /** Whether it is published: BCC mail once it has a record; mailbox mail once it involves someone outside the company (linked or not). */
  publish: boolean;
}

type Link = (resource_type: MailLink['resource_type'], resource_id: number) => void;

export interface UnfiledMessage {
  row: ClaimedMessage;
  error: string;
  log: IngestLogEntry[];
}

/**
 * Files a batch of one account's messages: parse, decide who each is about, then ask records —
 * one request for the account's users among all the addresses, one to find or create every
 * contact, one to find the leads and contacts of mailbox mail, one for the deals' contacts — so a
 * burst of mail costs a few requests, not many per message.
 */
@Injectable()
export class FilingService {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(MAIL_INGEST_SETTINGS) private readonly settings: MailIngestEnv,
  ) {}

  async fileBatch(accountId: number, rows: ClaimedMessage[]): Promise<{ filed: FiledMessage[]; unfileable: UnfiledMessage[] }> {
    const unfileable: UnfiledMessage[] = [];
    const parsed: { row: ClaimedMessage; message: ParsedMessage; original: ForwardedOriginal | null }[] = [];
    for (const row of rows) {
      try {
        const message = await parseMessage(row.raw);
        parsed.push({ row, message, original: row.mailbox_folder ? null : unwrapForward(message.text, message.subject) });
      } catch (error) {
        unfileable.push({ row, error: `the message could not be parsed: ${describe(error)}`, log: [] });
      }
    }

    const users = await this.usersAmong(accountId, parsed.flatMap(({ message, original }) => addressesOf(message, original)));
    const planned: { row: ClaimedMessage; message: ParsedMessage; plan: FilingPlan }[] = [];
    for (const { row, message, original } of parsed) {
      try {
        const plan =
          row.mailbox_folder && row.mailbox_user_id
            ? planMailboxFiling(message, { userId: row.mailbox_user_id, folder: row.mailbox_folder }, users, this.settings.BCC_DOMAIN)
            : planFiling(message, original, users, this.settings.BCC_DOMAIN);
        planned.push({ row, message, plan });
      } catch (error) {
        if (!(error instanceof UnfileableMessage)) throw error;
        unfileable.push({ row, error: error.message, log: [{ action: 'failed', reason: error.message }] });
      }
    }

    const contacts = await this.ensureContacts(accountId, planned.flatMap(({ plan }) => (plan.mailbox ? [] : plan.people)));
    const parties = await this.partiesByEmail(accountId, planned.flatMap(({ plan }) => (plan.mailbox ? plan.people : [])));
    const dealContacts = await this.dealContacts(accountId, planned.flatMap(({ row }) => row.deal_ids));
    const filed = planned.map(({ row, message, plan }) => {
      const log = [...plan.log];
      const links = new Map<string, MailLink>();
      const link = (resource_type: MailLink['resource_type'], resource_id: number) =>
        links.set(`${resource_type}:${resource_id}`, { resource_type, resource_id });
      if (plan.mailbox) linkFoundParties(plan.people, parties, link, log);
      else linkEnsuredContacts(plan.people, contacts, link, log);
      for (const dealId of row.deal_ids) {
        const contactIds = dealContacts.get(dealId);
        if (!contactIds) {
          log.push({ action: 'skipped', resource_type: 'deal', resource_id: dealId, reason: 'the deal no longer exists' });
          continue;
        }
        link('deal', dealId);
        log.push({ action: 'linked', resource_type: 'deal', resource_id: dealId, reason: 'sent to the deal\'s address' });
        for (const contactId of contactIds) {
          link('contact', contactId);
          log.push({ action: 'linked', resource_type: 'contact', resource_id: contactId, reason: `a contact of deal ${dealId}` });
        }
      }
      const aboutOutsiders = plan.mailbox !== undefined && plan.people.length > 0;
      if (links.size === 0 && !aboutOutsiders) log.push({ action: 'skipped', reason: 'nobody outside the company to attach it to' });
      return { row, parsed: message, plan, links: [...links.values()], log, publish: links.size > 0 || aboutOutsiders };
    });
    return { filed, unfileable };
  }

  private async usersAmong(accountId: number, emails: string[]): Promise<Map<string, UserEmailMatch>> {
    const distinct = [...new Set(emails)];
    if (distinct.length === 0) return new Map();
    const users = await this.rpc.request(RecordsRequests.FindUsersByEmail, { accountId, emails: distinct });
    return new Map(users.map((user) => [user.email.toLowerCase(), user]));
  }

  private async ensureContacts(accountId: number, people: { email: string; name: string | null }[]): Promise<Map<string, EnsuredContact>> {
    if (people.length === 0) return new Map();
    const distinct = [...new Map(people.map((person) => [person.email, person])).values()];
    const contacts = await this.rpc.request(RecordsRequests.EnsureContactsByEmail, { accountId, integration: 'mail_ingest', people: distinct });
    return new Map(contacts.map((contact) => [contact.email, contact]));
  }

  /** Leads and contacts by email, for mailbox mail (which never creates contacts). */
  private async partiesByEmail(accountId: number, people: MailAddress[]): Promise<Map<string, PartyMatch[]>> {
    const distinct = [...new Set(people.map((person) => person.email))];
    if (distinct.length === 0) return new Map();
    const found = new Map<string, PartyMatch[]>();
    for (const party of await this.rpc.request(RecordsRequests.FindPartiesByEmail, { accountId, emails: distinct })) {
      const email = party.email?.trim().toLowerCase();
      if (email) found.set(email, [...(found.get(email) ?? []), party]);
    }
    return found;
  }

  private async dealContacts(accountId: number, dealIds: number[]): Promise<Map<number, number[]>> {
    const distinct = [...new Set(dealIds)];
    if (distinct.length === 0) return new Map();
    const deals = await this.rpc.request(RecordsRequests.GetDealContactIds, { accountId, dealIds: distinct });
    return new Map(deals.map((deal) => [deal.deal_id, deal.contact_ids]));
  }
}

function linkEnsuredContacts(people: MailAddress[], contacts: Map<string, EnsuredContact>, link: Link, log: IngestLogEntry[]): void {
  for (const person of people) {
    const contact = contacts.get(person.email);
    if (!contact) {
      log.push({ action: 'skipped', email: person.email, reason: 'not a usable email address' });
      continue;
    }
    link('contact', contact.contact_id);
    log.push(
      contact.created
        ? { action: 'created', email: person.email, resource_type: 'contact', resource_id: contact.contact_id, reason: `no contact had this address; owner ${contact.owner_id} (mail ingest's default owner)` }
        : { action: 'matched', email: person.email, resource_type: 'contact', resource_id: contact.contact_id, reason: 'a contact has this address' },
    );
  }
}

function linkFoundParties(people: MailAddress[], parties: Map<string, PartyMatch[]>, link: Link, log: IngestLogEntry[]): void {
  for (const person of people) {
    const found = parties.get(person.email) ?? [];
    if (found.length === 0) {
      log.push({ action: 'skipped', email: person.email, reason: "neither a lead nor a contact: a suggested person for the mailbox's user (a mailbox never creates contacts)" });
    }
    for (const party of found) {
      link(party.resource_type, party.resource_id);
      log.push({ action: 'matched', email: person.email, resource_type: party.resource_type, resource_id: party.resource_id, reason: `a ${party.resource_type} has this address` });
    }
  }
}

function addressesOf(message: ParsedMessage, original: ForwardedOriginal | null): string[] {
  const all = [message.from, ...message.to, ...message.cc];
  if (original) all.push(original.from, ...original.to, ...original.cc);
  return all.filter((address) => address !== null).map((address) => address!.email);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
