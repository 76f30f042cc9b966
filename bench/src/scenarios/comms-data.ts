import type { Pool } from 'pg';
import { copyRows } from '../copy-rows';

/** communications' schema (schemaOf('communications')). */
export const COMMS = '"communications"';

export interface MailboxUser {
  id: number;
  name: string;
  email: string;
}

export interface SeedSpec {
  accountId: number;
  /** users[0] owns most of the mail (the measured mailbox); the others share the rest. */
  users: MailboxUser[];
  emails: number;
  onProgress: (step: string, done: number, total: number) => void;
}

export interface SeededMail {
  /** Seconds per step, in order. */
  steps: [string, number][];
  /** What users[0] ignores in Suggested people: a few of the busiest senders and some others. */
  ignored: string[];
  records: number;
  strangers: number;
}

/** Share of all emails in users[0]'s mailbox, in the other users' together, and on records only (deal/BCC address, no mailbox). */
const MAIN_SHARE = 0.7;
const COLLEAGUES_SHARE = 0.24;
const INBOX_SHARE = 0.72;
/** Inbox mail from a lead or contact (Inbox tab); the rest is from strangers (Suggested). */
const LINKED_SHARE = 0.6;
const ARCHIVED_INBOX = 0.35;
const ARCHIVED_SENT = 0.1;
/** Sent from the CRM, with open tracking. */
const CRM_SENT = 0.15;
/** The newest 2% of mail is unread far more often than older mail. */
const UNREAD_RECENT = 0.4;
const UNREAD_OLD = 0.08;
const SPAN_MS = 3 * 365 * 86_400_000;
/** Emails per conversation: every seeded email has one, so the threading pass finds nothing to do. */
const THREAD_LENGTH = 4;

const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Ken', 'Barbara', 'Edsger', 'Donald', 'Margaret', 'Tim', 'Radia', 'Frances', 'John', 'Niklaus', 'Dennis', 'Sophie', 'Hedy', 'Claude', 'Katherine', 'Guido'];
const LAST = [
  'Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Thompson', 'Liskov', 'Dijkstra', 'Knuth', 'Hamilton', 'Lee', 'Perlman', 'Allen', 'McCarthy', 'Wirth',
  'Ritchie', 'Wilson', 'Lamarr', 'Shannon', 'Johnson', 'Rossum', 'Smith', 'Jones', 'Miller', 'Davis', 'Garcia', 'Martinez', 'Brown', 'Taylor',
  'Anderson', 'Thomas', 'Moore', 'Jackson', 'Martin', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'King',
];
const SUBJECTS = [
  'Quote for the Q3 order', 'Follow-up on our call', 'Renewal of the support contract', 'Meeting next Tuesday', 'Invoice 2024-118',
  'Pricing question', 'Your demo request', 'Shipping delay on PO 7741', 'Proposal draft v2', 'Introduction', 'Onboarding checklist',
  'Contract signature', 'Feedback on the trial', 'Updated terms', 'Partnership idea', 'Re-scheduling our review',
];
const SENTENCES = [
  'Thanks for getting back to me so quickly.', 'As discussed, I am attaching the latest figures for your review.',
  'Could you confirm the delivery address before Friday?', 'Our finance team needs the signed order form to release the invoice.',
  'Let me know if the proposed time works for you, otherwise suggest another slot.', 'We would like to extend the pilot to two more sites.',
  'The price includes installation and the first year of support.', 'I have copied my colleague who handles the technical questions.',
  'Please find the revised proposal below; the changes are highlighted.', 'Happy to jump on a call to walk you through the details.',
  'We are still waiting on legal, I expect an answer early next week.', 'The shipment left our warehouse this morning.',
  'Can you share the number of seats you expect for next year?', 'Looking forward to working together.',
];
const NEWSLETTERS = ['news', 'noreply', 'updates', 'billing', 'notifications', 'digest', 'team', 'hello'];

const FLAG_ARCHIVED = 1;
const FLAG_READ = 2;
const FLAG_CRM = 4;
const FLAG_BCC = 8;
const FLAG_ATTACHMENT = 16;
const FLAG_CC = 32;
const INBOX = 0;
const SENT = 1;

interface Person {
  email: string;
  name: string | null;
}

/** Who and what each email is, decided once so every table's rows agree. */
interface MailPlan {
  /** Index in users, or -1: mail on records only (no mailbox entry). */
  owner: Int8Array;
  folder: Uint8Array;
  /** The other party: >= 0 a record (lead or contact), < 0 the stranger -party - 1. */
  party: Int32Array;
  /** A second record cc'd (and linked), or -1. */
  second: Int32Array;
  flags: Uint8Array;
  date: Float64Array;
}

/**
 * Seed `emails` emails in one account with COPY, the way the Communication Center files them:
 * `users[0]` has most of the mail; inbox and sent; archived, read and unread; from leads and
 * contacts (linked: Inbox) and from strangers with a long-tailed volume (unlinked: Suggested
 * people, a few newsletters sending a lot of it); some sent from the CRM with open tracking.
 * Leads and contacts are real rows in records (with communications' copy of their owner).
 *
 * Every trigger of the schema runs during the COPYs (emails, then links, then entries), so the
 * aggregates are exactly what ingest would have produced: `email_links.email_date` and
 * `mailbox_entries.linked` by their row triggers, `mailbox_counters` and `mailbox_senders` by the
 * statement triggers over each COPY's transition table. Every email has a conversation, so the
 * threading worker finds nothing to do.
 */
export async function seedMail(pool: Pool, spec: SeedSpec): Promise<SeededMail> {
  const rng = mulberry32(6);
  const steps: [string, number][] = [];
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    steps.push([name, (Date.now() - started) / 1000]);
    return result;
  };
  const recordCount = Math.max(100, Math.round(spec.emails / 50));
  const strangerCount = Math.max(100, Math.round(spec.emails / 40));

  const records = await step(`leads and contacts (${recordCount})`, () => insertRecords(pool, spec, recordCount));
  const strangers = makeStrangers(strangerCount);
  const plan = planMail(spec, records.length, strangers.length, rng);
  const end = Date.now() - 3_600_000;
  const start = end - SPAN_MS;
  for (let i = 0; i < spec.emails; i++) plan.date[i] = start + ((i + rng()) * SPAN_MS) / spec.emails;

  const firstConversation = await step('conversations', () => insertConversations(pool, spec.accountId, Math.ceil(spec.emails / THREAD_LENGTH), start));
  const { rows: [{ last }] } = await pool.query<{ last: number }>(`SELECT coalesce(max(id), 0) AS last FROM ${COMMS}.emails`);
  const emailId = (i: number) => last + 1 + i;
  const partyOf = (i: number): Person => (plan.party[i] >= 0 ? records[plan.party[i]] : strangers[-plan.party[i] - 1]);
  const userOf = (i: number) => spec.users[plan.owner[i] >= 0 ? plan.owner[i] : i % spec.users.length];

  await step('emails (COPY)', () =>
    copyRows(pool, `COPY ${COMMS}.emails (id, account_id, message_id, ingest_id, direction, user_id, forwarded, subject, text, html,
        body_truncated, from_address, to_addresses, cc_addresses, date, attachments, source, conversation_id, created_at, updated_at) FROM STDIN`,
      spec.emails, (i) => emailRow(i), (done) => spec.onProgress('emails', done, spec.emails)),
  );
  await pool.query(`SELECT setval(pg_get_serial_sequence('communications.emails', 'id'), $1)`, [emailId(spec.emails - 1)]);

  await step('email_links (COPY, row trigger fills email_date)', () =>
    copyRows(pool, `COPY ${COMMS}.email_links (email_id, account_id, resource_type, resource_id) FROM STDIN`, spec.emails, (i) => {
      if (plan.party[i] < 0) return null;
      let rows = linkRow(i, plan.party[i]);
      if (plan.second[i] >= 0) rows += linkRow(i, plan.second[i]);
      return rows;
    }, (done) => spec.onProgress('email_links', done, spec.emails)),
  );
  await step('mailbox_entries (COPY, triggers fill linked, counters, senders)', () =>
    copyRows(pool, `COPY ${COMMS}.mailbox_entries (account_id, user_id, email_id, folder, sender_email, date, read_at, archived_at) FROM STDIN`,
      spec.emails, (i) => {
        if (plan.owner[i] < 0) return null;
        const sent = plan.folder[i] === SENT;
        const sender = sent ? userOf(i).email : partyOf(i).email;
        const date = plan.date[i];
        const readAt = plan.flags[i] & FLAG_READ ? timestamp(date + (sent ? 0 : 600_000)) : null;
        const archivedAt = plan.flags[i] & FLAG_ARCHIVED ? timestamp(Math.min(end, date + 2 * 86_400_000)) : null;
        return line([spec.accountId, userOf(i).id, emailId(i), sent ? 'sent' : 'inbox', sender.toLowerCase(), timestamp(date), readAt, archivedAt]);
      }, (done) => spec.onProgress('mailbox_entries', done, spec.emails)),
  );
  await step('email_tracking (COPY)', () =>
    copyRows(pool, `COPY ${COMMS}.email_tracking (email_id, account_id, token, status, attempts, next_attempt_at, sent_at, open_count,
        first_opened_at, last_opened_at) FROM STDIN`, spec.emails, (i) => {
      if (!(plan.flags[i] & FLAG_CRM)) return null;
      const date = plan.date[i];
      const opens = i % 4;
      const opened = (k: number) => (opens > 0 ? timestamp(Math.min(end, date + k * 3_600_000)) : null);
      // 'sent': the delivery worker only picks up 'queued'.
      return line([emailId(i), spec.accountId, `bench-${emailId(i)}`, 'sent', 1, timestamp(date), timestamp(date), opens, opened(1), opened(opens)]);
    }, (done) => spec.onProgress('email_tracking', done, spec.emails)),
  );

  // The busiest newsletters and a few people: what "ignore" is for.
  const ignored = [0, 2, 5, ...Array.from({ length: 20 }, (_, k) => 50 + k * 97)].filter((k) => k < strangers.length).map((k) => strangers[k].email);
  await pool.query(`INSERT INTO ${COMMS}.ignored_senders (account_id, user_id, email) SELECT $1, $2, unnest($3::text[])`, [
    spec.accountId,
    spec.users[0].id,
    ignored,
  ]);
  // The steady state autovacuum reaches after tables grew this much: statistics, hint bits, visibility map.
  await step('VACUUM ANALYZE', () =>
    pool.query(`VACUUM ANALYZE ${['emails', 'email_links', 'mailbox_entries', 'mailbox_counters', 'mailbox_senders', 'email_tracking', 'conversations', 'ignored_senders', 'record_owners']
      .map((table) => `${COMMS}.${table}`).join(', ')}, records.leads, records.contacts`),
  );
  return { steps, ignored, records: records.length, strangers: strangers.length };

  function linkRow(i: number, record: number): string {
    return line([emailId(i), spec.accountId, records[record].type, records[record].id]);
  }

  function emailRow(i: number): string {
    const flags = plan.flags[i];
    const user = userOf(i);
    const party = partyOf(i);
    const sent = plan.owner[i] >= 0 && plan.folder[i] === SENT;
    const crm = (flags & FLAG_CRM) !== 0;
    const me = { email: user.email, name: user.name };
    const from = sent ? me : party;
    const to = sent ? [party] : plan.owner[i] >= 0 ? [me] : [{ email: `deals+${i % 997}@bcc.bench.test`, name: null }];
    const cc: Person[] = [];
    if (plan.second[i] >= 0) cc.push(records[plan.second[i]]);
    if (flags & FLAG_CC) cc.push(spec.users[(plan.owner[i] + 1 + spec.users.length) % spec.users.length]);
    const conversation = Math.floor(i / THREAD_LENGTH);
    const subject = `${i % THREAD_LENGTH ? 'Re: ' : ''}${SUBJECTS[conversation % SUBJECTS.length]} #${conversation}`;
    const text = bodyOf(i, party.name ?? party.email);
    const attachments =
      flags & FLAG_ATTACHMENT
        ? [{ id: i + 1, filename: `document-${i}.pdf`, content_type: 'application/pdf', size: 20_000 + (i % 500) * 1000, content_id: null, sha256: hex(i) }]
        : [];
    const date = plan.date[i];
    return line([
      emailId(i),
      spec.accountId,
      `bench-${i}@mail.bench.test`,
      crm ? null : i + 1,
      sent ? 'sent' : 'received',
      plan.owner[i] >= 0 ? user.id : null,
      'f',
      subject,
      text,
      crm ? `<p>${text.replace(/\n\n/g, '</p><p>')}</p>` : null,
      'f',
      JSON.stringify(from),
      JSON.stringify(to),
      JSON.stringify(cc),
      timestamp(date),
      JSON.stringify(attachments),
      crm ? 'crm' : flags & FLAG_BCC || plan.owner[i] < 0 ? 'bcc' : 'mailbox',
      firstConversation + conversation,
      timestamp(date + 5000),
      timestamp(date + 5000),
    ]);
  }
}

/**
 * Per email: owner, folder, the other party, flags. Linked inbox mail comes from a record,
 * unlinked from a stranger drawn with a Zipf law (s = 1): the first strangers are newsletters
 * and notification senders that account for much of the Suggested mail.
 */
function planMail(spec: SeedSpec, records: number, strangers: number, rng: () => number): MailPlan {
  const n = spec.emails;
  const plan: MailPlan = {
    owner: new Int8Array(n),
    folder: new Uint8Array(n),
    party: new Int32Array(n),
    second: new Int32Array(n).fill(-1),
    flags: new Uint8Array(n),
    date: new Float64Array(n),
  };
  const zipf = zipfSampler(strangers, rng);
  const colleagues = spec.users.length - 1;
  const record = () => Math.floor(rng() * records);
  for (let i = 0; i < n; i++) {
    const r = rng();
    let flags = 0;
    if (r < MAIN_SHARE || colleagues === 0) plan.owner[i] = 0;
    else if (r < MAIN_SHARE + COLLEAGUES_SHARE) plan.owner[i] = 1 + Math.min(colleagues - 1, Math.floor(((r - MAIN_SHARE) / COLLEAGUES_SHARE) * colleagues));
    else plan.owner[i] = -1;

    if (plan.owner[i] < 0) {
      plan.party[i] = record();
      flags |= FLAG_BCC;
    } else if (rng() < INBOX_SHARE) {
      plan.folder[i] = INBOX;
      const linked = rng() < LINKED_SHARE;
      plan.party[i] = linked ? record() : -zipf() - 1;
      // A BCC'd or forwarded message is only kept with links; synced mail may have none.
      if (linked && rng() < 0.1) flags |= FLAG_BCC;
      if (rng() >= (i >= n * 0.98 ? UNREAD_RECENT : UNREAD_OLD)) flags |= FLAG_READ;
      if (rng() < ARCHIVED_INBOX) flags |= FLAG_ARCHIVED;
    } else {
      plan.folder[i] = SENT;
      plan.party[i] = rng() < 0.85 ? record() : -zipf() - 1;
      flags |= FLAG_READ;
      if (rng() < CRM_SENT) flags |= FLAG_CRM;
      if (rng() < ARCHIVED_SENT) flags |= FLAG_ARCHIVED;
    }
    if (plan.party[i] >= 0 && rng() < 0.05) plan.second[i] = (plan.party[i] + 1 + Math.floor(rng() * (records - 1))) % records;
    if (rng() < 0.1) flags |= FLAG_ATTACHMENT;
    if (plan.owner[i] >= 0 && colleagues > 0 && rng() < 0.1) flags |= FLAG_CC;
    plan.flags[i] = flags;
  }
  return plan;
}

/** Leads and contacts with addresses, owned by the users, and communications' copy of their owners. */
async function insertRecords(pool: Pool, spec: SeedSpec, count: number): Promise<(Person & { type: 'lead' | 'contact'; id: number })[]> {
  const people = Array.from({ length: count }, (_, k) => {
    const first = FIRST[k % FIRST.length];
    const last = LAST[Math.floor(k / FIRST.length) % LAST.length];
    return { first, last, email: `${first}.${last}.${k}@customer${k % 2000}.bench.test`.toLowerCase(), owner: spec.users[k % spec.users.length].id };
  });
  const half = Math.floor(count / 2);
  const result: (Person & { type: 'lead' | 'contact'; id: number })[] = [];
  for (const [type, table, slice] of [['lead', 'leads', people.slice(0, half)], ['contact', 'contacts', people.slice(half)]] as const) {
    const { rows } = await pool.query<{ id: number; first_name: string; last_name: string; email: string }>(
      `INSERT INTO records.${table} (account_id, creator_id, owner_id, first_name, last_name, email)
       SELECT $1, $2, p.owner, p.first, p.last, p.email FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) AS p(owner, first, last, email)
       RETURNING id, first_name, last_name, email`,
      [spec.accountId, spec.users[0].id, slice.map((p) => p.owner), slice.map((p) => p.first), slice.map((p) => p.last), slice.map((p) => p.email)],
    );
    for (const row of rows) result.push({ type, id: row.id, email: row.email, name: `${row.first_name} ${row.last_name}` });
    await pool.query(
      `INSERT INTO ${COMMS}.record_owners (account_id, resource_type, resource_id, owner_id, source_updated_at)
       SELECT account_id, $2, id, owner_id, updated_at FROM records.${table} WHERE account_id = $1`,
      [spec.accountId, type],
    );
  }
  return result;
}

/** Strangers, busiest first: newsletters and notification senders (half of them without a display name), then people. */
function makeStrangers(count: number): Person[] {
  const automated = Math.max(8, Math.round(count * 0.005));
  return Array.from({ length: count }, (_, k) => {
    if (k < automated) {
      const box = NEWSLETTERS[k % NEWSLETTERS.length];
      return { email: `${box}@vendor${k}.example`, name: k % 2 === 0 ? null : `Vendor ${k} ${box}` };
    }
    const first = FIRST[k % FIRST.length];
    const last = LAST[(k * 7) % LAST.length];
    return { email: `${first}.${last}${k}@mail${k % 50}.example`.toLowerCase(), name: `${first} ${last}` };
  });
}

async function insertConversations(pool: Pool, accountId: number, count: number, start: number): Promise<number> {
  const step = SPAN_MS / count;
  const { rows: [{ first }] } = await pool.query<{ first: number }>(
    `WITH added AS (
       INSERT INTO ${COMMS}.conversations (account_id, subject_key, participants, first_date, last_date)
       SELECT $1, 'bench thread ' || n, '{}', to_timestamp(($3::float8 + n * $4::float8) / 1000), to_timestamp(($3::float8 + (n + 1) * $4::float8) / 1000)
       FROM generate_series(0, $2 - 1) AS n
       RETURNING id)
     SELECT min(id) AS first FROM added`,
    [accountId, count, start, step],
  );
  return first;
}


/** One row of COPY's text format. */
function line(values: (string | number | null)[]): string {
  return `${values.map((v) => (v === null ? '\\N' : typeof v === 'number' ? String(v) : v.replace(/[\\\n\r\t]/g, escapeChar))).join('\t')}\n`;
}

function escapeChar(c: string): string {
  return c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t';
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString();
}

function bodyOf(i: number, name: string): string {
  const paragraphs = [`Hi ${name.split(' ')[0]},`];
  for (let k = 0; k < 3 + (i % 4); k++) paragraphs.push(SENTENCES[(i * 7 + k * 3) % SENTENCES.length]);
  paragraphs.push('Best regards');
  return paragraphs.join('\n\n');
}

function hex(i: number): string {
  return (i.toString(16).padStart(8, '0') + 'ab').repeat(7).slice(0, 64);
}

/** Index 0..n-1 with probability proportional to 1 / (index + 1). */
function zipfSampler(n: number, rng: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += 1 / (k + 1);
  return () => {
    const target = rng() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A small seeded PRNG: the same data on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
