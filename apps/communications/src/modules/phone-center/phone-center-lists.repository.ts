import { Injectable } from '@nestjs/common';
import { DomainError, ListQuery, PhoneCenterCountsDto } from '@crm/contracts';
import { applyListQuery, FilterSpec, ListSpec, toPage, Tx } from '@crm/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { firstPageLimit, PreparedReads } from '../../common/prepared-reads';
import { CallEntity } from '../calls/entities/call.entity';
import { phoneTables } from '../record-phones/phone-tables';
import { TextMessageEntity } from '../text-messages/entities/text-message.entity';

/**
 * Filters on an item's state, written out as SQL rather than compared with a bound boolean: the
 * text must imply a partial index's predicate (unmatched, missed) for Postgres to page that index.
 */
type StateFilters = Record<string, { true: string; false: string }>;

const CALL_STATE: StateFilters = {
  matched: { true: 'c.resource_type IS NOT NULL', false: 'c.resource_type IS NULL AND c.ignored_at IS NULL' },
  missed: { true: 'c.missed', false: 'NOT c.missed' },
};

const TEXT_STATE: StateFilters = {
  matched: { true: 't.resource_type IS NOT NULL', false: 't.resource_type IS NULL AND t.ignored_at IS NULL' },
  unread: { true: 't.incoming AND t.read_at IS NULL', false: '(NOT t.incoming OR t.read_at IS NOT NULL)' },
  incoming: { true: 't.incoming', false: 'NOT t.incoming' },
};

/**
 * Filters on the record a call or text hangs on, as scalar subqueries: evaluated only when the
 * filter is given, so the plain lists stay one index range.
 */
function recordFilters(tx: Tx, alias: string): Record<'lead_status' | 'owner_id', FilterSpec> {
  const tables = phoneTables(tx);
  const sameRecord = (r: string) => `${r}.account_id = ${alias}.account_id AND ${r}.resource_type = ${alias}.resource_type AND ${r}.resource_id = ${alias}.resource_id`;
  return {
    lead_status: { column: `(SELECT rp.lead_status FROM ${tables.recordPhones} rp WHERE ${sameRecord('rp')})`, kind: 'text' },
    owner_id: { column: `(SELECT ro.owner_id FROM ${tables.owners} ro WHERE ${sameRecord('ro')})`, kind: 'int' },
  };
}

function listSpec(tx: Tx, resource: string, alias: string, date: string): ListSpec {
  return {
    resource,
    defaultSort: { field: date, direction: 'desc' },
    sortable: { [date]: `${alias}.${date}` },
    filters: recordFilters(tx, alias),
  };
}

/**
 * The conditions of the state filters in `filters` (a bad value is a 400), and the filters left
 * for applyListQuery. An ignored unmatched item is left out everywhere; once matched it shows again.
 */
function stateConditions(alias: string, filters: Record<string, string>, state: StateFilters): { conditions: string[]; rest: Record<string, string> } {
  const rest = { ...filters };
  const conditions: string[] = [];
  for (const [name, sql] of Object.entries(state)) {
    const value = rest[name];
    delete rest[name];
    if (value === undefined) continue;
    if (value !== 'true' && value !== 'false') throw new DomainError(400, [{ field: `/${name}`, code: 'invalid_param', message: `${name} must be true or false` }]);
    conditions.push(sql[value]);
  }
  if (filters.matched === undefined) conditions.push(`(${alias}.resource_type IS NOT NULL OR ${alias}.ignored_at IS NULL)`);
  return { conditions, rest };
}

/** A user's own calls or texts that telephony reported, with the state filters applied. */
function inCenter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, query: ListQuery, state: StateFilters): ListQuery {
  qb.where(`${alias}.account_id = :accountId AND ${alias}.user_id = :userId AND ${alias}.sid IS NOT NULL`);
  const { conditions, rest } = stateConditions(alias, query.filters, state);
  for (const condition of conditions) qb.andWhere(condition);
  return { ...query, filters: rest };
}

/**
 * A list as the Communication Center opens it (page 1 of at most 100, newest first, filtered on
 * the item's state only): the SQL of a prepared statement that walks that state's partial index;
 * undefined for anything else (other filters, sorts and pages go through applyListQuery).
 */
function openingPage(table: string, alias: string, date: string, query: ListQuery, state: StateFilters): string | undefined {
  const limit = firstPageLimit(query);
  if (limit === undefined || query.sortBy || query.ids || Object.keys(query.customFields).length > 0) return undefined;
  const { conditions, rest } = stateConditions(alias, query.filters, state);
  if (Object.keys(rest).length > 0) return undefined;
  const where = [`${alias}.account_id = $1`, `${alias}.user_id = $2`, `${alias}.sid IS NOT NULL`, ...conditions];
  return `SELECT * FROM ${table} ${alias} WHERE ${where.join(' AND ')}
    ORDER BY ${alias}.${date} DESC NULLS LAST, ${alias}.id DESC LIMIT ${limit}`;
}

@Injectable()
export class PhoneCenterListsRepository {
  constructor(private readonly prepared: PreparedReads) {}

  async calls(tx: Tx, accountId: number, userId: number, query: ListQuery) {
    const opening = openingPage(phoneTables(tx).calls, 'c', 'made_at', query, CALL_STATE);
    if (opening) return toPage(await this.prepared.rows<CallEntity>(tx, opening, [accountId, userId]), query);
    const qb = tx.manager.getRepository(CallEntity).createQueryBuilder('c').setParameters({ accountId, userId });
    const rest = inCenter(qb, 'c', query, CALL_STATE);
    return toPage(await applyListQuery(qb, 'c', rest, listSpec(tx, 'call', 'c', 'made_at')).getMany(), query);
  }

  /** `remoteE164`: only the conversation with that number (the text_messages_remote index). */
  async texts(tx: Tx, accountId: number, userId: number, query: ListQuery, remoteE164: string | null = null) {
    const opening = remoteE164 === null ? openingPage(phoneTables(tx).texts, 't', 'sent_at', query, TEXT_STATE) : undefined;
    if (opening) return toPage(await this.prepared.rows<TextMessageEntity>(tx, opening, [accountId, userId]), query);
    const qb = tx.manager.getRepository(TextMessageEntity).createQueryBuilder('t').setParameters({ accountId, userId });
    const rest = inCenter(qb, 't', query, TEXT_STATE);
    if (remoteE164 !== null) qb.andWhere('t.remote_phone_e164 = :remoteE164', { remoteE164 });
    return toPage(await applyListQuery(qb, 't', rest, listSpec(tx, 'text_message', 't', 'sent_at')).getMany(), query);
  }

  /** Kept by triggers on calls and texts (migration 1700000000420); no row yet is all zeros. */
  async counts(tx: Tx, accountId: number, userId: number): Promise<PhoneCenterCountsDto> {
    const [row] = await this.prepared.rows<PhoneCenterCountsDto>(
      tx,
      `SELECT missed_calls, unread_text_messages, unmatched_calls, unmatched_text_messages
       FROM ${phoneTables(tx).counters} WHERE account_id = $1 AND user_id = $2`,
      [accountId, userId],
    );
    return row ?? { missed_calls: 0, unread_text_messages: 0, unmatched_calls: 0, unmatched_text_messages: 0 };
  }
}
