import { Injectable } from '@nestjs/common';
import { EventPublisher, Tx } from '@crm/platform';
import { callEvents, CallChangeSource } from '../calls/call-events';
import { toCallDto } from '../calls/calls.mapper';
import { MatchedItems, PhoneMatchesRepository } from './phone-matches.repository';
import { PhoneNumbers } from './phone-numbers';
import { lockNumbers } from './phone-tables';
import { PhoneRecord, RecordPhonesRepository } from './record-phones.repository';

/** A lead's or contact's numbers and status as records states them (an event's data, or a reply). */
export interface PartyPhones {
  phone: string | null;
  mobile: string | null;
  /** A lead's status; undefined for a contact. */
  status?: string;
  updatedAt: Date;
}

export interface MatchCount {
  calls: number;
  texts: number;
}

const RESOURCE_CHANGE = ['resource_type', 'resource_id'];

/**
 * Keeps the copy of leads' and contacts' numbers and matches calls and texts by number: when a
 * record gains a number its past unmatched calls and texts hang on it at once (in the caller's
 * transaction); when it is deleted, its reported calls and texts go to the next record with the
 * number, or become unmatched. Applying the same version twice changes nothing more.
 */
@Injectable()
export class RecordPhonesService {
  constructor(
    private readonly records: RecordPhonesRepository,
    private readonly matches: PhoneMatchesRepository,
    private readonly numbers: PhoneNumbers,
    private readonly events: EventPublisher,
  ) {}

  async recordChanged(tx: Tx, source: CallChangeSource, record: PhoneRecord, party: PartyPhones): Promise<MatchCount> {
    const phones = this.numbers.e164All([party.phone, party.mobile]);
    await lockNumbers(tx, source.accountId, phones);
    const version = { phones, leadStatus: record.resourceType === 'lead' ? (party.status ?? null) : null, updatedAt: party.updatedAt };
    const matchable = await this.records.upsert(tx, source.accountId, record, version);
    if (!matchable || phones.length === 0) return { calls: 0, texts: 0 };
    return this.published(tx, source, await this.matches.matchUnmatched(tx, source.accountId, phones, record));
  }

  async recordDeleted(tx: Tx, source: CallChangeSource, record: PhoneRecord): Promise<void> {
    await this.records.remove(tx, source.accountId, record);
    const numbers = await this.matches.numbersOn(tx, source.accountId, record);
    await lockNumbers(tx, source.accountId, numbers.filter((n): n is string => n !== null));
    for (const number of numbers) {
      const next = number === null ? null : await this.records.owningRecord(tx, source.accountId, number);
      await this.published(tx, source, await this.matches.reassign(tx, source.accountId, record, number, next));
    }
  }

  /** The lead's calls and texts moved to the contact already (record-sync); new ones go to the contact too. */
  async leadConverted(tx: Tx, accountId: number, leadId: number): Promise<void> {
    await this.records.markConverted(tx, accountId, leadId);
  }

  /** The lead or contact a number belongs to, for a new call or text (the caller locks the number). */
  owningRecord(tx: Tx, accountId: number, number: string): Promise<PhoneRecord | null> {
    return this.records.owningRecord(tx, accountId, number);
  }

  phonesOf(tx: Tx, accountId: number, record: PhoneRecord): Promise<string[]> {
    return this.records.phonesOf(tx, accountId, record);
  }

  private async published(tx: Tx, source: CallChangeSource, items: MatchedItems): Promise<MatchCount> {
    await callEvents.updated(this.events, tx, source, items.calls.map(toCallDto), RESOURCE_CHANGE);
    return { calls: items.calls.length, texts: items.texts };
  }
}
