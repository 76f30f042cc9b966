import { Injectable } from '@nestjs/common';
import type { ListQuery, PhoneCenterCountsDto } from '@crm/contracts';
import { applyListQuery, FilterSpec, ListSpec, toPage, Tx } from '@crm/platform';
import { CallEntity } from '../calls/entities/call.entity';
import { phoneTables } from '../record-phones/phone-tables';
import { TextMessageEntity } from '../text-messages/entities/text-message.entity';

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

function callList(tx: Tx): ListSpec {
  return {
    resource: 'call',
    defaultSort: { field: 'made_at', direction: 'desc' },
    sortable: { made_at: 'c.made_at' },
    filters: {
      matched: { column: '(c.resource_type IS NOT NULL)', kind: 'bool' },
      missed: { column: 'c.missed', kind: 'bool' },
      ...recordFilters(tx, 'c'),
    },
  };
}

function textList(tx: Tx): ListSpec {
  return {
    resource: 'text_message',
    defaultSort: { field: 'sent_at', direction: 'desc' },
    sortable: { sent_at: 't.sent_at' },
    filters: {
      matched: { column: '(t.resource_type IS NOT NULL)', kind: 'bool' },
      unread: { column: '(t.incoming AND t.read_at IS NULL)', kind: 'bool' },
      incoming: { column: 't.incoming', kind: 'bool' },
      ...recordFilters(tx, 't'),
    },
  };
}

/**
 * A user's own calls and texts that telephony reported. An ignored unmatched item is left out
 * everywhere; once matched it shows again.
 */
const IN_CENTER = (alias: string) =>
  `${alias}.account_id = :accountId AND ${alias}.user_id = :userId AND ${alias}.sid IS NOT NULL
   AND (${alias}.resource_type IS NOT NULL OR ${alias}.ignored_at IS NULL)`;

@Injectable()
export class PhoneCenterListsRepository {
  async calls(tx: Tx, accountId: number, userId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(CallEntity).createQueryBuilder('c').where(IN_CENTER('c'), { accountId, userId });
    return toPage(await applyListQuery(qb, 'c', query, callList(tx)).getMany(), query);
  }

  async texts(tx: Tx, accountId: number, userId: number, query: ListQuery) {
    const qb = tx.manager.getRepository(TextMessageEntity).createQueryBuilder('t').where(IN_CENTER('t'), { accountId, userId });
    return toPage(await applyListQuery(qb, 't', query, textList(tx)).getMany(), query);
  }

  async counts(tx: Tx, accountId: number, userId: number): Promise<PhoneCenterCountsDto> {
    const { calls, texts } = phoneTables(tx);
    const own = `account_id = $1 AND user_id = $2 AND sid IS NOT NULL`;
    const shown = `(resource_type IS NOT NULL OR ignored_at IS NULL)`;
    const unmatched = `resource_type IS NULL AND ignored_at IS NULL`;
    const [row] = await tx.rows<Record<keyof PhoneCenterCountsDto, string>>(
      `SELECT
         (SELECT count(*) FROM ${calls} WHERE ${own} AND missed AND ${shown}) AS missed_calls,
         (SELECT count(*) FROM ${texts} WHERE ${own} AND incoming AND read_at IS NULL AND ${shown}) AS unread_text_messages,
         (SELECT count(*) FROM ${calls} WHERE ${own} AND ${unmatched}) AS unmatched_calls,
         (SELECT count(*) FROM ${texts} WHERE ${own} AND ${unmatched}) AS unmatched_text_messages`,
      [accountId, userId],
    );
    return {
      missed_calls: Number(row.missed_calls),
      unread_text_messages: Number(row.unread_text_messages),
      unmatched_calls: Number(row.unmatched_calls),
      unmatched_text_messages: Number(row.unmatched_text_messages),
    };
  }
}
