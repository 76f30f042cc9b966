import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { EmailEntity } from '../emails/entities/email.entity';
import { tableOf } from '../emails/table-name';
import { ConversationEntity } from './entities/conversation.entity';
import type { ConversationFacts } from './threading-plan';

/** First key of the advisory lock that serialises changes to an account's conversations. */
const CONVERSATIONS_LOCK = 1_700_000_330;

/** What a new conversation starts with (split). */
export interface NewConversation {
  subjectKey: string | null;
  participants: string[];
  date: Date;
}

@Injectable()
export class ConversationsRepository {
  /**
   * Held until the transaction ends by everything that changes an account's conversations (the
   * threading pass, split, merge): each sees the others' committed result, so two related emails
   * threaded at once by two replicas cannot open two conversations.
   */
  async lockAccount(tx: Tx, accountId: number): Promise<void> {
    await tx.rows(`SELECT pg_advisory_xact_lock($1, $2)`, [CONVERSATIONS_LOCK, accountId]);
  }

  async find(tx: Tx, accountId: number, id: number): Promise<ConversationEntity | null> {
    const [row] = await tx.rows<ConversationEntity>(`SELECT * FROM ${tableOf(tx, ConversationEntity)} WHERE account_id = $1 AND id = $2`, [
      accountId,
      id,
    ]);
    return row ?? null;
  }

  async create(tx: Tx, accountId: number, facts: NewConversation, manual: boolean): Promise<number> {
    const [row] = await tx.rows<{ id: number }>(
      `INSERT INTO ${tableOf(tx, ConversationEntity)} (account_id, subject_key, participants, first_date, last_date, manual)
       VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
      [accountId, facts.subjectKey, facts.participants, facts.date, manual],
    );
    return row.id;
  }

  /**
   * What threading needs to know of the conversations with these ids, and of those with one of
   * these subject keys whose dates come within [from, to].
   */
  async facts(tx: Tx, accountId: number, ids: number[], subjectKeys: string[], from: Date, to: Date): Promise<ConversationFacts[]> {
    const rows = await tx.rows<ConversationEntity>(
      `SELECT * FROM ${tableOf(tx, ConversationEntity)}
       WHERE account_id = $1 AND (id = ANY($2) OR (subject_key = ANY($3) AND last_date >= $4 AND first_date <= $5))`,
      [accountId, ids, subjectKeys, from, to],
    );
    return rows.map((row) => ({
      id: row.id,
      subjectKey: row.subject_key,
      participants: row.participants,
      firstDate: row.first_date,
      lastDate: row.last_date,
      manual: row.manual,
    }));
  }

  /** Ids for `count` conversations about to be inserted. */
  async allocateIds(tx: Tx, count: number): Promise<number[]> {
    if (count === 0) return [];
    const rows = await tx.rows<{ id: number }>(`SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2)`, [
      tableOf(tx, ConversationEntity),
      count,
    ]);
    return rows.map((row) => row.id);
  }

  /** Insert conversations made by the threading pass (ids from allocateIds). */
  async insertMany(tx: Tx, accountId: number, conversations: ConversationFacts[]): Promise<void> {
    if (conversations.length === 0) return;
    await tx.rows(
      `INSERT INTO ${tableOf(tx, ConversationEntity)} (id, account_id, subject_key, participants, first_date, last_date, manual)
       SELECT v.id, $1, v.subject_key, ARRAY(SELECT jsonb_array_elements_text(v.participants)), v.first_date, v.last_date, false
       FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::timestamptz[]) AS v(id, subject_key, participants, first_date, last_date)`,
      [accountId, ...columnsOf(conversations)],
    );
  }

  /** Store the subject, people and dates threading worked out for existing conversations. */
  async saveFacts(tx: Tx, accountId: number, conversations: ConversationFacts[]): Promise<void> {
    if (conversations.length === 0) return;
    await tx.rows(
      `UPDATE ${tableOf(tx, ConversationEntity)} c
       SET subject_key = v.subject_key, participants = ARRAY(SELECT jsonb_array_elements_text(v.participants)),
           first_date = v.first_date, last_date = v.last_date, updated_at = now()
       FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::timestamptz[]) AS v(id, subject_key, participants, first_date, last_date)
       WHERE c.account_id = $1 AND c.id = v.id`,
      [accountId, ...columnsOf(conversations)],
    );
  }

  async markManual(tx: Tx, accountId: number, ids: number[]): Promise<void> {
    await tx.rows(`UPDATE ${tableOf(tx, ConversationEntity)} SET manual = true, updated_at = now() WHERE account_id = $1 AND id = ANY($2)`, [
      accountId,
      ids,
    ]);
  }

  async delete(tx: Tx, accountId: number, ids: number[]): Promise<void> {
    await tx.rows(`DELETE FROM ${tableOf(tx, ConversationEntity)} WHERE account_id = $1 AND id = ANY($2)`, [accountId, ids]);
  }

  /**
   * After emails moved in or out: people and dates again from the emails it holds (addresses
   * normalised as participants.ts does). The subject key stays: it is what the conversation is about.
   */
  async recompute(tx: Tx, accountId: number, id: number): Promise<void> {
    const emails = tableOf(tx, EmailEntity);
    await tx.rows(
      `WITH members AS (SELECT * FROM ${emails} WHERE account_id = $1 AND conversation_id = $2),
       people AS (
         SELECT DISTINCT lower(trim(a.email)) AS email FROM members m,
           LATERAL (SELECT m.from_address ->> 'email'
                    UNION ALL SELECT t ->> 'email' FROM jsonb_array_elements(m.to_addresses) t
                    UNION ALL SELECT c ->> 'email' FROM jsonb_array_elements(m.cc_addresses) c) AS a(email)
         WHERE coalesce(trim(a.email), '') <> ''
       )
       UPDATE ${tableOf(tx, ConversationEntity)}
       SET participants = ARRAY(SELECT email FROM people ORDER BY email),
           first_date = coalesce((SELECT min(date) FROM members), first_date),
           last_date = coalesce((SELECT max(date) FROM members), last_date),
           updated_at = now()
       WHERE account_id = $1 AND id = $2`,
      [accountId, id],
    );
  }
}

/** Column arrays for unnest (participants as JSON: Postgres has no arrays of arrays of different lengths). */
function columnsOf(conversations: ConversationFacts[]): unknown[] {
  return [
    conversations.map((c) => c.id),
    conversations.map((c) => c.subjectKey),
    conversations.map((c) => JSON.stringify(c.participants)),
    conversations.map((c) => c.firstDate),
    conversations.map((c) => c.lastDate),
  ];
}
