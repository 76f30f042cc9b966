import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/platform';
import { EmailEntity } from '../emails/entities/email.entity';
import { tableOf } from '../emails/table-name';
import { ConversationEntity } from './entities/conversation.entity';

/** First key of the advisory lock that serialises changes to an account's conversations. */
const CONVERSATIONS_LOCK = 1_700_000_330;

/** How far (days) from a conversation's first and last email a new email may join it by subject. */
export const SUBJECT_WINDOW_DAYS = 90;
/** Same-subject conversations weighed for one email, newest first. */
const SUBJECT_CANDIDATES = 20;

export interface ConversationFacts {
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

  async create(tx: Tx, accountId: number, facts: ConversationFacts, manual: boolean): Promise<number> {
    const [row] = await tx.rows<{ id: number }>(
      `INSERT INTO ${tableOf(tx, ConversationEntity)} (account_id, subject_key, participants, first_date, last_date, manual)
       VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
      [accountId, facts.subjectKey, facts.participants, facts.date, manual],
    );
    return row.id;
  }

  /** A new email joined: its subject (if the conversation had none), people and date join the conversation's. */
  async absorb(tx: Tx, accountId: number, id: number, facts: ConversationFacts): Promise<void> {
    await tx.rows(
      `UPDATE ${tableOf(tx, ConversationEntity)}
       SET subject_key = coalesce(subject_key, $3),
           participants = ARRAY(SELECT DISTINCT p FROM unnest(participants || $4::text[]) AS p ORDER BY p),
           first_date = least(first_date, $5), last_date = greatest(last_date, $5), updated_at = now()
       WHERE account_id = $1 AND id = $2`,
      [accountId, id, facts.subjectKey, facts.participants, facts.date],
    );
  }

  /** Conversations with this subject key whose dates come within the window of `date`, newest first. */
  subjectCandidates(tx: Tx, accountId: number, subjectKey: string, date: Date): Promise<{ id: number; participants: string[] }[]> {
    return tx.rows(
      `SELECT id, participants FROM ${tableOf(tx, ConversationEntity)}
       WHERE account_id = $1 AND subject_key = $2
         AND first_date - make_interval(days => $4) <= $3 AND last_date + make_interval(days => $4) >= $3
       ORDER BY last_date DESC, id DESC LIMIT $5`,
      [accountId, subjectKey, date, SUBJECT_WINDOW_DAYS, SUBJECT_CANDIDATES],
    );
  }

  /** Those of `ids` no user has split or merged. */
  async automaticAmong(tx: Tx, accountId: number, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await tx.rows<{ id: number }>(
      `SELECT id FROM ${tableOf(tx, ConversationEntity)} WHERE account_id = $1 AND id = ANY($2) AND NOT manual ORDER BY id`,
      [accountId, ids],
    );
    return rows.map((row) => row.id);
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
