import { MailboxEmailDto, MailboxFolder, MailMessageReceivedEvent, RecordsRequests as R } from '@crm/contracts';
import { factories, Stack } from '@crm/testing';
import { DataSource } from 'typeorm';
import { MailEventPublisher, mailEvent } from './mail-events';
import { Api, Auth, eventually, processedByCommunications } from './support';

export type Item<T> = { data: T; meta: { type: string } };
export type Collection<T> = { items: Item<T>[]; meta: { type: string; count: number; links: Record<string, string> } };

/** A message as a synced mailbox delivers it: in `userId`'s `folder`, with or without links. */
export function mailboxEvent(
  accountId: number,
  userId: number,
  folder: MailboxFolder,
  overrides: Partial<MailMessageReceivedEvent> = {},
): MailMessageReceivedEvent {
  return mailEvent(accountId, {
    source: 'mailbox',
    mailbox: { userId, folder },
    direction: folder === 'sent' ? 'sent' : 'received',
    ...overrides,
  });
}

/** Publish a mail event and wait until communications has committed it. */
export async function fileMail(stack: Stack, mail: MailEventPublisher, event: MailMessageReceivedEvent): Promise<void> {
  const { eventId } = await mail.publish(event);
  await eventually(async () => expect(await processedByCommunications(stack, eventId)).toBe(true), 20_000);
}

/** A user of the account with their own API token; `role`: a role name such as 'Sales rep'. */
export async function createUser(
  stack: Stack,
  api: Api,
  admin: { auth: Auth; accountId: number; userId: number },
  role?: string,
): Promise<{ id: number; email: string; auth: Auth }> {
  let roleId: number | undefined;
  if (role) {
    const roles = await stack.rpc.request(R.ListRoles, { ...admin, query: { page: 1, perPage: 25, filters: {}, customFields: {} } });
    roleId = roles.items.find((r) => r.name === role)!.id;
  }
  const user = (await api.post('/v2/users').set(admin.auth).send({ data: factories.user(roleId ? { role_id: roleId } : {}) }).expect(200)).body.data;
  const token = (await api.post(`/v2/users/${user.id}/tokens`).set(admin.auth).send({ data: { name: 'test' } }).expect(201)).body.data;
  return { id: user.id, email: user.email, auth: { Authorization: `Bearer ${token.access_token}` } };
}

/** One tab (or any query) of the user's Communication Center emails. */
export async function listTab(api: Api, auth: Auth, query: Record<string, string | number>): Promise<Collection<MailboxEmailDto>> {
  const response = await api.get('/v2/communications/emails').query(query).set(auth);
  if (response.status !== 200) throw new Error(`GET /v2/communications/emails ${JSON.stringify(query)}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function subjectsOf(api: Api, auth: Auth, query: Record<string, string | number>): Promise<(string | null)[]> {
  return (await listTab(api, auth, { per_page: 100, ...query })).items.map((item) => item.data.subject);
}

export async function countsOf(api: Api, auth: Auth) {
  return (await api.get('/v2/communications/emails/counts').set(auth).expect(200)).body.data;
}

/** A unique sender address, so suites never see each other's people. */
export function address(name: string): string {
  return `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@outside.example`;
}

const SUGGESTED_ENTRY = `m.folder = 'inbox' AND m.archived_at IS NULL AND NOT m.linked AND m.sender_email IS NOT NULL`;

/** Every user's counters counted again from the entries and ignored senders, in mailbox_counters' columns. */
const RECOUNTED_COUNTERS = `
  WITH suggested AS (
    SELECT m.account_id, m.user_id, m.sender_email, m.read_at FROM communications.mailbox_entries m
    WHERE ${SUGGESTED_ENTRY}
      AND NOT EXISTS (SELECT 1 FROM communications.ignored_senders i WHERE i.account_id = m.account_id AND i.user_id = m.user_id AND i.email = m.sender_email)),
  people AS (
    SELECT account_id, user_id, count(DISTINCT sender_email)::int AS suggested_total, count(*) FILTER (WHERE read_at IS NULL)::int AS suggested_unread
    FROM suggested GROUP BY account_id, user_id),
  tabs AS (
    SELECT account_id, user_id,
           count(*) FILTER (WHERE folder = 'inbox' AND archived_at IS NULL AND linked)::int AS inbox_total,
           count(*) FILTER (WHERE folder = 'inbox' AND archived_at IS NULL AND linked AND read_at IS NULL)::int AS inbox_unread,
           count(*) FILTER (WHERE folder = 'sent' AND archived_at IS NULL)::int AS sent_total,
           count(*) FILTER (WHERE archived_at IS NOT NULL)::int AS archived_total
    FROM communications.mailbox_entries GROUP BY account_id, user_id)
  SELECT account_id, user_id, t.inbox_total, t.inbox_unread, coalesce(p.suggested_total, 0) AS suggested_total,
         coalesce(p.suggested_unread, 0) AS suggested_unread, t.sent_total, t.archived_total
  FROM tabs t LEFT JOIN people p USING (account_id, user_id)`;
const COUNTER_COLUMNS = 'inbox_total, inbox_unread, suggested_total, suggested_unread, sent_total, archived_total';

function communicationsDb(stack: Stack): DataSource {
  return stack.services.find((s) => s.name === 'communications')!.app.get(DataSource);
}

/**
 * The counters and Suggested people aggregates the database keeps by triggers, next to the same
 * figures counted again from the entries and ignored senders: a test that ran every kind of
 * write expects no drift.
 */
export async function aggregateDrift(stack: Stack): Promise<unknown[]> {
  const db = communicationsDb(stack);
  const counted = `SELECT account_id, user_id, ${COUNTER_COLUMNS} FROM (${RECOUNTED_COUNTERS}) r WHERE (${COUNTER_COLUMNS}) <> (0, 0, 0, 0, 0, 0)`;
  const kept = `SELECT account_id, user_id, ${COUNTER_COLUMNS} FROM communications.mailbox_counters WHERE (${COUNTER_COLUMNS}) <> (0, 0, 0, 0, 0, 0)`;
  const senders = `
    SELECT account_id, user_id, sender_email, count(*)::int AS messages, count(*) FILTER (WHERE read_at IS NULL)::int AS unread,
           (array_agg(email_id ORDER BY date DESC, email_id DESC))[1] AS last_email_id
    FROM communications.mailbox_entries m WHERE ${SUGGESTED_ENTRY} GROUP BY account_id, user_id, sender_email`;
  const keptSenders = `SELECT account_id, user_id, sender_email, messages, unread, last_email_id FROM communications.mailbox_senders
                       WHERE messages <> 0 OR unread <> 0 OR last_email_id IS NOT NULL`;
  const ignored = `SELECT account_id, user_id, email FROM communications.ignored_senders`;
  const flagged = `SELECT account_id, user_id, sender_email FROM communications.mailbox_senders WHERE ignored`;
  const differences = (a: string, b: string) => db.query(`(${a} EXCEPT ${b}) UNION ALL (${b} EXCEPT ${a})`) as Promise<unknown[]>;
  return [...(await differences(counted, kept)), ...(await differences(senders, keptSenders)), ...(await differences(ignored, flagged))];
}

/**
 * The calls and texts counts kept in phone_center_counters next to the same figures counted again
 * from the calls and texts: after every kind of write, no drift. `counted` says how many users have any.
 */
export async function phoneCounterDrift(stack: Stack): Promise<{ counted: number; drift: unknown[] }> {
  const db = communicationsDb(stack);
  const shown = '(resource_type IS NOT NULL OR ignored_at IS NULL)';
  const unmatched = 'resource_type IS NULL AND ignored_at IS NULL';
  const columns = 'missed_calls, unread_text_messages, unmatched_calls, unmatched_text_messages';
  const counted = `
    SELECT account_id, user_id, sum(missed_calls)::int AS missed_calls, sum(unread_text_messages)::int AS unread_text_messages,
           sum(unmatched_calls)::int AS unmatched_calls, sum(unmatched_text_messages)::int AS unmatched_text_messages
    FROM (
      SELECT account_id, user_id, (missed AND ${shown})::int AS missed_calls, 0 AS unread_text_messages,
             (${unmatched})::int AS unmatched_calls, 0 AS unmatched_text_messages
      FROM communications.calls WHERE sid IS NOT NULL
      UNION ALL
      SELECT account_id, user_id, 0, (incoming AND read_at IS NULL AND ${shown})::int, 0, (${unmatched})::int
      FROM communications.text_messages WHERE sid IS NOT NULL AND user_id IS NOT NULL
    ) items GROUP BY account_id, user_id HAVING (${columns.split(', ').map((c) => `sum(${c})`).join(', ')}) <> (0, 0, 0, 0)`;
  const kept = `SELECT account_id, user_id, ${columns} FROM communications.phone_center_counters WHERE (${columns}) <> (0, 0, 0, 0)`;
  const drift = (await db.query(`(${counted} EXCEPT ${kept}) UNION ALL (${kept} EXCEPT ${counted})`)) as unknown[];
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM (${counted}) c`)) as { n: number }[];
  return { counted: n, drift };
}

/** One user's counts as GET /v2/communications/emails/counts shows them, counted again from the rows. */
export async function recountedCounts(stack: Stack, accountId: number, userId: number) {
  const [row] = (await communicationsDb(stack).query(`SELECT * FROM (${RECOUNTED_COUNTERS}) r WHERE account_id = $1 AND user_id = $2`, [
    accountId,
    userId,
  ])) as Record<string, number>[];
  const n = (column: string) => row?.[column] ?? 0;
  return {
    inbox: { total: n('inbox_total'), unread: n('inbox_unread') },
    suggested: { total: n('suggested_total'), unread: n('suggested_unread') },
    sent: { total: n('sent_total') },
    archived: { total: n('archived_total') },
  };
}
