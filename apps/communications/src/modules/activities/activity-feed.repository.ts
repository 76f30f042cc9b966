import { Injectable } from '@nestjs/common';
import type { ActivityType, EmailDirection, MailAddress } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { CallEntity } from '../calls/entities/call.entity';
import { EmailLinkEntity } from '../emails/entities/email-link.entity';
import { EmailEntity } from '../emails/entities/email.entity';
import { tableOf } from '../emails/table-name';
import { NoteCopyEntity } from '../note-copies/entities/note-copy.entity';
import { StarEntity } from '../stars/entities/star.entity';
import { ThreadItemEntity } from '../threads/entities/thread-item.entity';
import { ThreadEntity } from '../threads/entities/thread.entity';
import { TextMessageEntity } from '../text-messages/entities/text-message.entity';
import { ITEM_COLUMNS, RecordRef } from './item-columns';

export interface FeedFilter {
  record: RecordRef;
  /** The kinds of item to include. */
  types: readonly ActivityType[];
  /** true: starred only; false: unstarred only; null: both. */
  starred: boolean | null;
  /** Only the items of this thread (a thread of the record). */
  threadId: number | null;
}

/** One feed entry with the summary fields of its kind (the others null). */
export interface FeedRow {
  type: ActivityType;
  id: number;
  occurred_at: Date;
  user_id: number | null;
  snippet: string | null;
  subject: string | null;
  email_direction: EmailDirection | null;
  from_address: MailAddress | null;
  conversation_id: number | null;
  incoming: boolean | null;
  duration: number | null;
  missed: boolean | null;
  is_important: boolean | null;
  starred_by_id: number | null;
  starred_at: Date | null;
  thread_ids: number[];
}

/** Characters of the body fetched for the snippet (trimmed further when mapped). */
const SNIPPET_SOURCE_CHARS = 400;

/** Positional parameters, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface Tables {
  emails: string;
  links: string;
  calls: string;
  texts: string;
  notes: string;
  stars: string;
  threads: string;
  threadItems: string;
}

/**
 * A record's emails, calls, text messages and notes, newest first, in one statement: each kind
 * contributes its own newest `offset + limit + 1` rows through its own index (by record and
 * date), the union is sorted and cut to the page, and only the page's rows are joined to their
 * summary fields, stars and threads. A page therefore costs the same however old the record is.
 */
@Injectable()
export class ActivityFeedRepository {
  async page(tx: Tx, accountId: number, filter: FeedFilter, offset: number, limit: number): Promise<FeedRow[]> {
    const t = tablesOf(tx);
    const p = new Params();
    const account = p.add(accountId);
    const type = p.add(filter.record.type);
    const id = p.add(filter.record.id);
    const perKind = p.add(offset + limit);
    const thread = filter.threadId === null ? null : p.add(filter.threadId);

    /** The thread and star filters on one kind's rows (`alias.idColumn` is the item's id). */
    const kind = (item: ActivityType, alias: string, idColumn = 'id'): string => {
      const itemId = `${alias}.${idColumn}`;
      const conditions: string[] = [];
      if (thread) conditions.push(`EXISTS (SELECT 1 FROM ${t.threadItems} ti WHERE ti.thread_id = ${thread} AND ti.${ITEM_COLUMNS[item]} = ${itemId})`);
      if (filter.starred !== null && item !== 'call') {
        conditions.push(`${filter.starred ? '' : 'NOT '}EXISTS (SELECT 1 FROM ${t.stars} s WHERE s.${ITEM_COLUMNS[item]} = ${itemId})`);
      }
      return conditions.map((condition) => ` AND ${condition}`).join('');
    };
    // A call or text is on its own record, and on every deal it is associated with.
    const attached = (alias: string) =>
      filter.record.type === 'deal'
        ? `((${alias}.resource_type = ${type} AND ${alias}.resource_id = ${id}) OR ${alias}.associated_deal_ids @> ARRAY[${id}::int])`
        : `${alias}.resource_type = ${type} AND ${alias}.resource_id = ${id}`;

    const branches: Record<ActivityType, string> = {
      // The link carries its email's date (migration 330): no email row is read before the page is cut.
      email: `SELECT 'email'::text AS type, l.email_id AS id, l.email_date AS occurred_at FROM ${t.links} l
              WHERE l.account_id = ${account} AND l.resource_type = ${type} AND l.resource_id = ${id}${kind('email', 'l', 'email_id')}
              ORDER BY l.email_date DESC, l.email_id DESC LIMIT ${perKind}`,
      call: `SELECT 'call'::text AS type, c.id, c.made_at AS occurred_at FROM ${t.calls} c
             WHERE c.account_id = ${account} AND ${attached('c')}${kind('call', 'c')}
             ORDER BY c.made_at DESC, c.id DESC LIMIT ${perKind}`,
      text_message: `SELECT 'text_message'::text AS type, m.id, m.sent_at AS occurred_at FROM ${t.texts} m
                     WHERE m.account_id = ${account} AND ${attached('m')}${kind('text_message', 'm')}
                     ORDER BY m.sent_at DESC, m.id DESC LIMIT ${perKind}`,
      note: `SELECT 'note'::text AS type, n.id, n.created_at AS occurred_at FROM ${t.notes} n
             WHERE n.account_id = ${account} AND n.resource_type = ${type} AND n.resource_id = ${id}${kind('note', 'n')}
             ORDER BY n.created_at DESC, n.id DESC LIMIT ${perKind}`,
    };
    // Calls cannot be starred: asked for starred items only, they have none.
    const included = filter.types.filter((item) => !(item === 'call' && filter.starred === true));
    if (included.length === 0) return [];

    const rows = await tx.rows<FeedRow>(
      // MATERIALIZED: each kind is planned for its own cheapest complete result. Merged in order
      // instead, Postgres would favour plans that start fast (walk the whole index of a record,
      // probing stars or threads row by row) over ones that finish fast (join the few stars).
      `WITH candidates AS MATERIALIZED (${included.map((item) => `(${branches[item]})`).join(' UNION ALL ')}),
       page AS (
         SELECT * FROM candidates AS a
         ORDER BY a.occurred_at DESC, a.type, a.id DESC
         OFFSET ${p.add(offset)} LIMIT ${p.add(limit)}
       )
       SELECT p.type, p.id, p.occurred_at,
              coalesce(e.user_id, c.user_id, m.user_id, n.creator_id) AS user_id,
              left(coalesce(e.text, c.summary, m.content, n.content), ${SNIPPET_SOURCE_CHARS}) AS snippet,
              e.subject, e.direction AS email_direction, e.from_address, e.conversation_id,
              coalesce(c.incoming, m.incoming) AS incoming, c.duration, c.missed, n.is_important,
              coalesce(se.starred_by_id, sm.starred_by_id, sn.starred_by_id) AS starred_by_id,
              coalesce(se.starred_at, sm.starred_at, sn.starred_at) AS starred_at,
              ARRAY(SELECT ti.thread_id FROM ${t.threadItems} ti JOIN ${t.threads} th ON th.id = ti.thread_id
                    WHERE th.account_id = ${account} AND th.resource_type = ${type} AND th.resource_id = ${id}
                      AND (ti.email_id = e.id OR ti.call_id = c.id OR ti.text_message_id = m.id OR ti.note_id = n.id)
                    ORDER BY ti.thread_id) AS thread_ids
       FROM page p
       LEFT JOIN ${t.emails} e ON p.type = 'email' AND e.id = p.id
       LEFT JOIN ${t.calls} c ON p.type = 'call' AND c.id = p.id
       LEFT JOIN ${t.texts} m ON p.type = 'text_message' AND m.id = p.id
       LEFT JOIN ${t.notes} n ON p.type = 'note' AND n.id = p.id
       LEFT JOIN ${t.stars} se ON se.email_id = e.id
       LEFT JOIN ${t.stars} sm ON sm.text_message_id = m.id
       LEFT JOIN ${t.stars} sn ON sn.note_id = n.id
       ORDER BY p.occurred_at DESC, p.type, p.id DESC`,
      p.values,
    );
    return rows;
  }
}

function tablesOf(tx: Tx): Tables {
  return {
    emails: tableOf(tx, EmailEntity),
    links: tableOf(tx, EmailLinkEntity),
    calls: tableOf(tx, CallEntity),
    texts: tableOf(tx, TextMessageEntity),
    notes: tableOf(tx, NoteCopyEntity),
    stars: tableOf(tx, StarEntity),
    threads: tableOf(tx, ThreadEntity),
    threadItems: tableOf(tx, ThreadItemEntity),
  };
}
