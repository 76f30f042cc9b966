import { Injectable } from '@nestjs/common';
import {
  Actor,
  AddSuggestedPeopleAttributes,
  DomainError,
  ListQuery,
  Page,
  parseAttributes,
  RecordsRequests as R,
  SuggestedPeopleActionDto,
  SuggestedPeopleAttributes,
  SuggestedPersonDto,
  SuggestedPersonRecordDto,
} from '@crm/contracts';
import { RpcClient, toPage, TransactionRunner } from '@crm/platform';
import { EmailsRepository } from '../emails/emails.repository';
import { RecordOwnersRepository } from '../record-owners/record-owners.repository';
import { parseSuggestedPeopleQuery } from './mailbox-list-query';
import { toSuggestedPersonDto } from './mailbox.mapper';
import { personNameOf } from './person-name';
import { SenderState, SuggestedPeopleRepository } from './suggested-people.repository';

const RESOURCE = 'suggested_person';

/**
 * Suggested people: who wrote to the user without being a lead or contact. Adding one creates the
 * record through records (which chooses and checks the owner) and then files the person's past
 * emails on it, so they move to the Inbox at once; ignoring hides them from this user only.
 */
@Injectable()
export class SuggestedPeopleService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly people: SuggestedPeopleRepository,
    private readonly emails: EmailsRepository,
    private readonly owners: RecordOwnersRepository,
    private readonly rpc: RpcClient,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<SuggestedPersonDto>> {
    const peopleQuery = parseSuggestedPeopleQuery(query);
    const page = toPage(await this.transactions.read((tx) => this.people.page(tx, actor.accountId, actor.userId, peopleQuery)), query);
    return { items: page.rows.map(toSuggestedPersonDto), hasMore: page.hasMore };
  }

  /**
   * One record per sender, in order. Every sender is checked first (unknown: 404; already on a
   * lead or contact: 409), so bad input creates nothing. Records are created one at a time
   * outside any transaction here (records may ask distribution for a pool's next owner), each
   * followed by the transaction that files its emails.
   */
  async add(actor: Actor, resourceType: 'lead' | 'contact', data: unknown): Promise<SuggestedPeopleActionDto> {
    const attributes = parseAttributes(RESOURCE, AddSuggestedPeopleAttributes, data);
    if (attributes.owner_id !== undefined && attributes.owner_pool_id !== undefined) {
      throw DomainError.invalid(RESOURCE, 'owner_pool_id', 'give owner_id or owner_pool_id, not both');
    }
    const senders = await this.knownSenders(actor, normalised(attributes.emails), false);
    const filed = senders.filter((sender) => !sender.unfiled);
    if (filed.length > 0) {
      throw new DomainError(
        409,
        filed.map((sender) => ({ resource: RESOURCE, code: 'conflict' as const, message: `${sender.email} is already a lead or contact` })),
      );
    }

    const owner = attributes.owner_pool_id !== undefined ? { owner_pool_id: attributes.owner_pool_id } : { owner_id: attributes.owner_id ?? actor.userId };
    const records: SuggestedPersonRecordDto[] = [];
    for (const sender of senders) {
      const record = await this.createRecord(actor, resourceType, sender, owner, records);
      records.push(await this.fileEmailsOn(actor, resourceType, sender.email, record));
    }
    return { action: resourceType === 'lead' ? 'add_as_lead' : 'add_as_contact', emails: senders.map((s) => s.email), records };
  }

  async ignore(actor: Actor, data: unknown, ignored: boolean): Promise<SuggestedPeopleActionDto> {
    const { emails } = parseAttributes(RESOURCE, SuggestedPeopleAttributes, data);
    // Unignoring works for a sender whose mail has gone since (deleted with its record).
    const senders = await this.knownSenders(actor, normalised(emails), !ignored);
    const addresses = senders.map((sender) => sender.email);
    await this.transactions.run(async (tx) => {
      if (ignored) await this.people.ignore(tx, actor.accountId, actor.userId, addresses);
      else await this.people.unignore(tx, actor.accountId, actor.userId, addresses);
    });
    return { action: ignored ? 'ignore' : 'unignore', emails: addresses, records: [] };
  }

  /** The senders' states; 404 naming every address that never wrote to this user (`orIgnored`: nor is ignored by them). */
  private async knownSenders(actor: Actor, emails: string[], orIgnored: boolean): Promise<SenderState[]> {
    const senders = await this.transactions.read((tx) => this.people.senderStates(tx, actor.accountId, actor.userId, emails));
    const unknown = senders.filter((sender) => !sender.known && !(orIgnored && sender.ignored));
    if (unknown.length > 0) {
      throw new DomainError(
        404,
        unknown.map((sender) => ({ resource: RESOURCE, code: 'not_found' as const, message: `suggested person ${sender.email} not found` })),
      );
    }
    return senders;
  }

  private async createRecord(
    actor: Actor,
    resourceType: 'lead' | 'contact',
    sender: SenderState,
    owner: { owner_id: number } | { owner_pool_id: number },
    done: SuggestedPersonRecordDto[],
  ): Promise<{ id: number; owner_id: number }> {
    const request = {
      accountId: actor.accountId,
      userId: actor.userId,
      correlationId: actor.correlationId,
      data: { ...personNameOf(sender.name, sender.email), email: sender.email, ...owner },
    };
    try {
      return resourceType === 'lead' ? await this.rpc.request(R.CreateLead, request) : await this.rpc.request(R.CreateContact, request);
    } catch (error) {
      throw done.length > 0 && error instanceof DomainError ? withProgress(error, done) : error;
    }
  }

  /** Files the person's past emails on their new record, locking the emails in the order every link writer uses. */
  private async fileEmailsOn(
    actor: Actor,
    resourceType: 'lead' | 'contact',
    email: string,
    record: { id: number; owner_id: number },
  ): Promise<SuggestedPersonRecordDto> {
    const { accountId, userId } = actor;
    const linked = await this.transactions.run(async (tx) => {
      const emailIds = await this.people.emailsExchangedWith(tx, accountId, userId, email);
      await this.emails.lock(tx, accountId, emailIds);
      const added = await this.people.link(tx, accountId, emailIds, resourceType, record.id);
      await this.emails.touch(tx, accountId, added);
      // Who may see the record is known before records' event about it arrives.
      await this.owners.rememberIfMissing(tx, accountId, resourceType, record.id, record.owner_id);
      return added.length;
    });
    return { email, resource_type: resourceType, resource_id: record.id, owner_id: record.owner_id, linked_emails: linked };
  }
}

/** Lower-cased, trimmed, each once, in the order given. */
function normalised(emails: string[]): string[] {
  const addresses = emails.map((email) => email.trim().toLowerCase());
  const blank = addresses.findIndex((email) => email === '');
  if (blank !== -1) throw DomainError.invalid(RESOURCE, `emails/${blank}`, 'an email must not be blank', 'blank');
  return [...new Set(addresses)];
}

/** Records refused a later sender: say which earlier ones were added, so the client knows what happened. */
function withProgress(error: DomainError, done: SuggestedPersonRecordDto[]): DomainError {
  const added = done.map((r) => `${r.email} (${r.resource_type} ${r.resource_id})`).join(', ');
  const [first, ...rest] = error.errors;
  return new DomainError(error.status, [{ ...first, details: `added before this error: ${added}` }, ...rest]);
}
