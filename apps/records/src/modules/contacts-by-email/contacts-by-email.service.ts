import { Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  DomainError,
  EnsureContactsByEmailRequest,
  EnsuredContact,
  Integration,
  INTEGRATIONS,
  RecordsEvents,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { normalizeEmail } from '../../common/emails';
import { AccountBccService } from '../account-bcc/account-bcc.service';
import { toContactDto } from '../contacts/contacts.mapper';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { ContactEntity } from '../contacts/entities/contact.entity';
import { IntegrationOwnersService, ResolvedOwners } from '../integration-owners/integration-owners.service';
import { RecordSupportService } from '../record-support/record-support.service';
import { UsersService } from '../users/users.service';
import { ContactsByEmailRepository } from './contacts-by-email.repository';
import { personName } from './person-name';

/** Distinct addresses per request: a message's recipients, or a small batch of them. */
const MAX_PEOPLE = 1000;

interface Wanted {
  /** As first given (trimmed), stored on a new contact. */
  address: string;
  name: string | null;
}

/**
 * The contact for each email, created when the account has none (for services that file mail
 * on people). Found: any contact, person or organization, with that email ignoring case (the
 * oldest when several share it). Created: a person owned by the integration's default owner (a
 * user or a pool's next members), else by the account's owner, who is also its creator.
 */
@Injectable()
export class ContactsByEmailService {
  private readonly logger = new Logger(ContactsByEmailService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: ContactsByEmailRepository,
    private readonly contacts: ContactsRepository,
    private readonly users: UsersService,
    private readonly integrationOwners: IntegrationOwnersService,
    private readonly support: RecordSupportService,
    private readonly bcc: AccountBccService,
    private readonly events: EventPublisher,
  ) {}

  async ensure(request: EnsureContactsByEmailRequest): Promise<EnsuredContact[]> {
    const { accountId, integration } = request;
    if (!Number.isSafeInteger(accountId) || accountId <= 0) throw DomainError.invalid('contact', 'accountId', 'accountId must be a positive integer');
    if (!INTEGRATIONS.includes(integration)) throw DomainError.invalid('contact', 'integration', `unknown integration ${String(integration)}`);
    const wanted = wantedPeople(request.people);
    if (wanted.size > MAX_PEOPLE) throw DomainError.invalid('contact', 'people', `at most ${MAX_PEOPLE} distinct emails per request`);
    const emails = [...wanted.keys()];
    if (emails.length === 0) return [];

    const found = await this.transactions.read((tx) => this.findByEmails(tx, accountId, emails));
    const missing = emails.filter((email) => !found.has(email));
    const created = new Set<string>();
    if (missing.length > 0) {
      const creatorId = await this.transactions.read((tx) => this.users.accountOwnerId(tx, accountId));
      const actor: Actor = { accountId, userId: creatorId, correlationId: request.correlationId };
      // Before the transaction: a pool's owners come from distribution.
      const owners = await this.ownersFor(actor, integration, missing.length);
      const rows = await this.transactions.run((tx) => this.createMissing(tx, actor, wanted, missing, owners, found));
      for (const row of rows) {
        found.set(row.email!.toLowerCase(), row);
        created.add(row.email!.toLowerCase());
      }
    }
    return emails.map((email) => {
      const contact = found.get(email)!;
      return { email, contact_id: contact.id, owner_id: contact.owner_id, created: created.has(email) };
    });
  }

  /**
   * Under a lock per email, so that parallel requests for one new email make one contact: those
   * created meanwhile join `found`, the others are inserted in one statement with their events.
   */
  private async createMissing(
    tx: Tx,
    actor: Actor,
    wanted: Map<string, Wanted>,
    missing: string[],
    owners: ResolvedOwners,
    found: Map<string, ContactEntity>,
  ): Promise<ContactEntity[]> {
    await this.repository.lockEmails(tx, actor.accountId, missing);
    for (const [email, contact] of await this.findByEmails(tx, actor.accountId, missing)) found.set(email, contact);
    const toCreate = missing.filter((email) => !found.has(email));
    if (toCreate.length === 0) return [];
    const ownerIds = await this.activeOrAccountOwner(tx, actor, owners.ownerIds.slice(0, toCreate.length));
    const rows = await this.repository.insertPeople(
      tx,
      actor.accountId,
      actor.userId,
      toCreate.map((email, i) => ({ email: wanted.get(email)!.address, owner_id: ownerIds[i], ...personName(wanted.get(email)!.name, email) })),
    );
    const bcc = await this.bcc.emailOf(tx, actor.accountId);
    await this.events.publishMany(
      tx,
      RecordsEvents.contact.created,
      rows.map((row) => ({
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'contact',
        id: row.id,
        actorId: actor.userId,
        data: toContactDto(row, bcc),
      })),
    );
    // Pool turns are linked in the order the owners were used; turns of emails found meanwhile stay unlinked.
    const byEmail = new Map(rows.map((row) => [row.email!.toLowerCase(), row.id]));
    const used = owners.assignmentIds.slice(0, toCreate.length);
    this.support.linkAssignmentAfterCommit(tx, actor, used, toCreate.slice(0, used.length).map((email) => byEmail.get(email)!));
    return rows;
  }

  /** The integration's default owners; the account's owner when none is set or the default pool cannot serve. */
  private async ownersFor(actor: Actor, integration: Integration, count: number): Promise<ResolvedOwners> {
    const resolved = await this.integrationOwners.resolveMany(actor, integration, 'contact', count).catch((error: unknown) => {
      // A default pool deleted, emptied or all away: the mail must still land. Other failures propagate (the caller retries).
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ accountId: actor.accountId, integration, err: error }, 'default owner pool cannot serve; the account owner gets the contacts');
      return null;
    });
    return resolved ?? { ownerIds: new Array<number>(count).fill(actor.userId), assignmentIds: [] };
  }

  /** A default user deactivated since it was set owns nothing new: the account owner does instead. */
  private async activeOrAccountOwner(tx: Tx, actor: Actor, ownerIds: number[]): Promise<number[]> {
    const active = await this.users.activeAmong(tx, actor.accountId, [...new Set(ownerIds)]);
    return ownerIds.map((id) => (active.has(id) ? id : actor.userId));
  }

  /** The oldest contact per email (lower-case keys). */
  private async findByEmails(tx: Tx, accountId: number, emails: string[]): Promise<Map<string, ContactEntity>> {
    const found = new Map<string, ContactEntity>();
    for (const contact of await this.contacts.findByEmails(tx, accountId, emails)) {
      const email = contact.email!.toLowerCase();
      if (!found.has(email)) found.set(email, contact);
    }
    return found;
  }
}

/** Distinct valid emails (lower-case keys) in the order given, each with its first non-blank display name. */
function wantedPeople(people: unknown): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  if (!Array.isArray(people)) return wanted;
  for (const person of people as { email?: unknown; name?: unknown }[]) {
    const email = normalizeEmail(person?.email);
    if (!email) continue;
    const name = typeof person.name === 'string' && person.name.trim() ? person.name : null;
    const known = wanted.get(email);
    if (!known) wanted.set(email, { address: (person.email as string).trim(), name });
    else if (!known.name && name) known.name = name;
  }
  return wanted;
}
