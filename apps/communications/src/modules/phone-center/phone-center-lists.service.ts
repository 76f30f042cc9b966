import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ListQuery, Page, PhoneCenterCallDto, PhoneCenterCountsDto, PhoneCenterTextMessageDto } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { PhoneNumbers } from '../record-phones/phone-numbers';
import { toPhoneCenterCallDto, toPhoneCenterTextMessageDto } from './phone-center.mapper';
import { PhoneCenterListsRepository } from './phone-center-lists.repository';

/** Filters on the lead or contact: only matched items have one. */
const RECORD_FILTERS = ['lead_status', 'owner_id'];

/**
 * The actor's Communication Center for calls and texts: their own calls and messages (the ones of
 * their Twilio number), newest first, and the counts shown in brackets.
 */
@Injectable()
export class PhoneCenterListsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly lists: PhoneCenterListsRepository,
    private readonly numbers: PhoneNumbers,
  ) {}

  listCalls(actor: Actor, query: ListQuery): Promise<Page<PhoneCenterCallDto>> {
    assertRecordFiltersOnMatched(query);
    return this.transactions.read(async (tx) => {
      const page = await this.lists.calls(tx, actor.accountId, actor.userId, query);
      return { items: page.rows.map(toPhoneCenterCallDto), hasMore: page.hasMore };
    });
  }

  /** `phone_number` narrows the list to one conversation: the messages with that number, as typed or in E.164. */
  listTextMessages(actor: Actor, query: ListQuery): Promise<Page<PhoneCenterTextMessageDto>> {
    assertRecordFiltersOnMatched(query);
    const { phone_number: typed, ...filters } = query.filters;
    const remote = typed === undefined ? null : this.numbers.e164(typed);
    if (typed !== undefined && !remote) {
      throw new DomainError(400, [{ field: '/phone_number', code: 'invalid_param', message: 'phone_number must be a phone number, e.g. +14155550100' }]);
    }
    return this.transactions.read(async (tx) => {
      const page = await this.lists.texts(tx, actor.accountId, actor.userId, { ...query, filters }, remote);
      return { items: page.rows.map(toPhoneCenterTextMessageDto), hasMore: page.hasMore };
    });
  }

  counts(actor: Actor): Promise<PhoneCenterCountsDto> {
    return this.transactions.read((tx) => this.lists.counts(tx, actor.accountId, actor.userId));
  }
}

/** `matched=false&lead_status=…` can only be empty: say so instead. */
function assertRecordFiltersOnMatched(query: ListQuery): void {
  if (query.filters.matched !== 'false') return;
  const name = RECORD_FILTERS.find((filter) => filter in query.filters);
  if (name) {
    throw new DomainError(400, [{ field: `/${name}`, code: 'invalid_param', message: `${name}: filters matched items only; not with matched=false` }]);
  }
}
