import type { Pool } from 'pg';
import { copyRows } from '../copy-rows';

const DAY_MS = 86_400_000;
/** Distinct callers of the matched items (each a lead or a contact) and of the unmatched ones (nobody's). */
const MATCHED_NUMBERS = 2_000;
const UNMATCHED_NUMBERS = 20_000;
/** Seeded records' ids: far above anything records hands out in the run; records never sees them (the lists never ask it). */
const RECORD_ID_BASE = 900_000_000;

export interface SeedPlan {
  accountId: number;
  userId: number;
  /** The user's Twilio number, E.164. */
  userNumber: string;
  /** Calls and text messages together (half each). */
  rows: number;
}

export interface SeedFigures {
  calls: number;
  texts: number;
  seconds: number;
}

/**
 * Seeds one user's Communication Center as telephony's events would have left it over the past
 * year, with COPY into the tables with every index the migrations create (the load pays for
 * them as production would): `rows / 2` calls and `rows / 2` texts, each with a CallSid /
 * MessageSid (`sid`, unique per account), its status and rank, both numbers in E.164. Half are
 * matched (a lead or a contact whose number is in `record_phones`, so matching stays consistent),
 * half unmatched (numbers nobody has), 1 in 20 of those ignored. Calls: 80% incoming, 30% of those
 * missed (no-answer, busy, or hung up while ringing; half with a voicemail). Texts: 70% incoming,
 * 40% of those unread. Then VACUUM ANALYZE, the steady state autovacuum reaches.
 */
export async function seedPhoneCenter(pool: Pool, plan: SeedPlan, onProgress: (done: number) => void): Promise<SeedFigures> {
  const started = Date.now();
  const calls = Math.floor(plan.rows / 2);
  const texts = plan.rows - calls;
  // Dates end an hour ago, so the run's own webhooks stay newest.
  const end = Date.now() - 3_600_000;
  const span = 365 * DAY_MS;
  const seedId = (started % 0xffffffff).toString(16).padStart(8, '0');
  const { accountId, userId, userNumber } = plan;

  await copyRows(
    pool,
    `COPY communications.record_phones (account_id, resource_type, resource_id, phones, lead_status, source_updated_at) FROM STDIN`,
    MATCHED_NUMBERS,
    (k) => line([accountId, recordOf(k).type, recordOf(k).id, `{${matchedNumber(k)}}`, recordOf(k).type === 'lead' ? 'New' : null, new Date(end - span).toISOString()]),
    () => undefined,
  );

  await copyRows(
    pool,
    `COPY communications.calls (account_id, user_id, duration, phone_number, incoming, missed, external_id, resource_type, resource_id,
       made_at, created_at, updated_at, sid, status, status_rank, status_at, user_phone_e164, remote_phone_e164, voicemail, ignored_at) FROM STDIN`,
    calls,
    (i) => {
      const item = itemOf(i, calls, end, span);
      const incoming = unit(i, 1) < 0.8;
      const missed = incoming && unit(i, 2) < 0.3;
      const status = missed ? (['no-answer', 'busy', 'completed'] as const)[i % 3] : 'completed';
      const duration = missed ? 0 : 10 + (i % 600);
      const sid = `CA${seedId}${i.toString(16).padStart(24, '0')}`;
      const madeAt = new Date(item.at).toISOString();
      return line([
        accountId, userId, duration, item.remote, incoming, missed, sid, item.record?.type ?? null, item.record?.id ?? null,
        madeAt, madeAt, madeAt, sid, status, 5, new Date(item.at + duration * 1000).toISOString(), userNumber, item.remote,
        missed && unit(i, 3) < 0.5, item.ignoredAt,
      ]);
    },
    onProgress,
  );

  await copyRows(
    pool,
    `COPY communications.text_messages (account_id, user_id, content, incoming, resource_type, resource_id, resource_phone_number,
       user_phone_number, sent_at, created_at, updated_at, sid, status, status_rank, status_at, user_phone_e164, remote_phone_e164,
       read_at, ignored_at) FROM STDIN`,
    texts,
    (i) => {
      const item = itemOf(i, texts, end, span);
      const incoming = unit(i, 4) < 0.7;
      const unread = incoming && unit(i, 5) < 0.4;
      const sentAt = new Date(item.at).toISOString();
      return line([
        accountId, userId, BODIES[i % BODIES.length], incoming, item.record?.type ?? null, item.record?.id ?? null, item.remote,
        userNumber, sentAt, sentAt, sentAt, `SM${seedId}${i.toString(16).padStart(24, '0')}`, incoming ? 'received' : 'delivered', 4, sentAt,
        userNumber, item.remote, incoming && !unread ? new Date(item.at + 300_000).toISOString() : null, item.ignoredAt,
      ]);
    },
    (done) => onProgress(calls + done),
  );

  await pool.query('VACUUM ANALYZE communications.calls, communications.text_messages, communications.record_phones');
  return { calls, texts, seconds: (Date.now() - started) / 1000 };
}

/** Item i of n: even ones matched, odd ones unmatched (1 in 20 of those ignored); dated in order over the span. */
function itemOf(i: number, n: number, end: number, span: number) {
  const at = end - span + Math.floor(((i + unit(i, 6)) / n) * span);
  if (i % 2 === 0) {
    const k = Math.floor(unit(i, 7) * MATCHED_NUMBERS);
    return { at, remote: matchedNumber(k), record: recordOf(k), ignoredAt: null };
  }
  const remote = `+1718${String(Math.floor(unit(i, 7) * UNMATCHED_NUMBERS)).padStart(7, '0')}`;
  return { at, remote, record: null, ignoredAt: i % 40 === 1 ? new Date(at + DAY_MS).toISOString() : null };
}

function matchedNumber(k: number): string {
  return `+1646${String(k).padStart(7, '0')}`;
}

function recordOf(k: number): { type: 'lead' | 'contact'; id: number } {
  return { type: k % 3 === 0 ? 'contact' : 'lead', id: RECORD_ID_BASE + k };
}

/** A deterministic number in [0, 1) for row i and stream s (so reruns seed the same shape). */
function unit(i: number, s: number): number {
  let h = Math.imul(i ^ (s * 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

const BODIES = [
  'Hi, is the offer from Tuesday still valid?',
  'Can you call me back after 3pm?',
  'Thanks, received the quote. Will discuss with the team.',
  'We would like 25 seats, what is the price?',
  'Running 10 minutes late for our call.',
  'Please send the contract to my work email.',
  'OK',
  'Who is this?',
];


/** One row of COPY's text format (the values here hold no tabs, newlines or backslashes). */
function line(values: (string | number | boolean | null)[]): string {
  return `${values.map((v) => (v === null ? '\\N' : String(v))).join('\t')}\n`;
}
