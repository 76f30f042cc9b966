import { Injectable } from '@nestjs/common';
import {
  Actor,
  AddNumberToExistingAttributes,
  AddNumberToSellAttributes,
  ContactDto,
  DomainError,
  LeadDto,
  parseAttributes,
  RecordsRequests as R,
  UnmatchedNumberAttributes,
  UnmatchedNumberDto,
} from '@crm/contracts';
import { RpcClient, TransactionRunner } from '@crm/platform';
import { RecordOwnersRepository } from '../record-owners/record-owners.repository';
import { partyPhonesOf } from '../record-phones/party-phones-payload';
import { PhoneNumbers } from '../record-phones/phone-numbers';
import type { PhoneRecord } from '../record-phones/record-phones.repository';
import { RecordPhonesService } from '../record-phones/record-phones.service';
import { UnmatchedNumbersRepository } from './unmatched-numbers.repository';

const RESOURCE = 'unmatched_number';

type Party = LeadDto | ContactDto;

/**
 * The unmatched actions of the Communication Center. Records is asked first (create or update the
 * lead or contact), and only then is a transaction opened: it copies the record's numbers and
 * matches the account's unmatched calls and texts of the number at once, without waiting for
 * records' event (which, when it comes, changes nothing more).
 */
@Injectable()
export class UnmatchedNumbersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rpc: RpcClient,
    private readonly numbers: PhoneNumbers,
    private readonly phones: RecordPhonesService,
    private readonly owners: RecordOwnersRepository,
    private readonly unmatched: UnmatchedNumbersRepository,
  ) {}

  async addToSell(actor: Actor, data: unknown): Promise<UnmatchedNumberDto> {
    const attributes = parseAttributes(RESOURCE, AddNumberToSellAttributes, data);
    const number = this.e164(attributes.phone_number);
    const owning = await this.transactions.read((tx) => this.phones.owningRecord(tx, actor.accountId, number));
    if (owning) throw DomainError.conflict(RESOURCE, `${number} belongs to ${owning.resourceType} ${owning.resourceId} already`);
    const owner = attributes.owner_pool_id !== undefined ? { owner_pool_id: attributes.owner_pool_id } : { owner_id: attributes.owner_id ?? actor.userId };
    const fields = { first_name: attributes.first_name, last_name: attributes.last_name ?? number, phone: number, ...owner };
    const request = { ...asker(actor), data: fields };
    const party: Party = attributes.as === 'lead' ? await this.rpc.request(R.CreateLead, request) : await this.rpc.request(R.CreateContact, request);
    return this.matchOn(actor, { resourceType: attributes.as, resourceId: party.id }, party, number, null);
  }

  async addToExisting(actor: Actor, data: unknown): Promise<UnmatchedNumberDto> {
    const attributes = parseAttributes(RESOURCE, AddNumberToExistingAttributes, data);
    const number = this.e164(attributes.phone_number);
    const record: PhoneRecord = { resourceType: attributes.resource_type, resourceId: attributes.resource_id };
    // Records answers 404 for a record of another account or one the actor may not see.
    const get = { ...asker(actor), id: record.resourceId };
    const current: Party = record.resourceType === 'lead' ? await this.rpc.request(R.GetLead, get) : await this.rpc.request(R.GetContact, get);
    const field = this.freeField(record, current, number);
    let party = current;
    if (field) {
      const update = { ...get, data: { [field]: number } };
      party = record.resourceType === 'lead' ? await this.rpc.request(R.UpdateLead, update) : await this.rpc.request(R.UpdateContact, update);
    }
    return this.matchOn(actor, record, party, number, field);
  }

  async ignore(actor: Actor, data: unknown): Promise<UnmatchedNumberDto> {
    const number = this.e164(parseAttributes(RESOURCE, UnmatchedNumberAttributes, data).phone_number);
    return this.transactions.run(async (tx) => {
      const hidden = await this.unmatched.ignore(tx, actor.accountId, actor.userId, number);
      if (!hidden.any) throw DomainError.notFound(RESOURCE, number);
      return { phone_number: number, resource_type: null, resource_id: null, owner_id: null, field: null, calls: hidden.calls, text_messages: hidden.texts };
    });
  }

  private async matchOn(actor: Actor, record: PhoneRecord, party: Party, number: string, field: 'phone' | 'mobile' | null): Promise<UnmatchedNumberDto> {
    const source = { accountId: actor.accountId, actorId: actor.userId, correlationId: actor.correlationId };
    const version = partyPhonesOf(party, `records reply for ${record.resourceType} ${record.resourceId}`);
    const matched = await this.transactions.run(async (tx) => {
      await this.owners.upsertFromEvent(tx, actor.accountId, record.resourceType, record.resourceId, party.owner_id, version.updatedAt);
      return this.phones.recordChanged(tx, source, record, version);
    });
    return {
      phone_number: number,
      resource_type: record.resourceType,
      resource_id: record.resourceId,
      owner_id: party.owner_id,
      field,
      calls: matched.calls,
      text_messages: matched.texts,
    };
  }

  /** Where the number goes: phone if empty, else mobile if empty; null when the record has it already. */
  private freeField(record: PhoneRecord, party: Party, number: string): 'phone' | 'mobile' | null {
    if (this.numbers.e164(party.phone) === number || this.numbers.e164(party.mobile) === number) return null;
    if (!party.phone?.trim()) return 'phone';
    if (!party.mobile?.trim()) return 'mobile';
    throw DomainError.invalid(
      RESOURCE,
      'resource_id',
      `${record.resourceType} ${record.resourceId} has no free phone field: phone and mobile are both set`,
    );
  }

  private e164(raw: string): string {
    const number = this.numbers.e164(raw);
    if (!number) throw DomainError.invalid(RESOURCE, 'phone_number', `${raw} is not a phone number`);
    return number;
  }
}

/** Only who is asking: the request's data is not records' business. */
function asker(actor: Actor): Actor {
  return { accountId: actor.accountId, userId: actor.userId, correlationId: actor.correlationId };
}
