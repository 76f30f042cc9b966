import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { Pool } from 'pg';
import { CpuMeter, pidsMatching } from '../cpu';
import { Figures, measureHttp, measureLoop, printTable } from '../measure';
import { numberOption } from '../options';
import { COMMS, MailboxUser, seedMail } from './comms-data';
import { startDeployedStack } from '../deployment-env';

const CONNECTIONS = 8;
const TARGET_P95_MS = 30;
/** The gateway's default page size: a tab's first page is what the Communication Center opens with. */
const PER_PAGE = 25;
const COLLEAGUES = 4;
const WARM_UP_REQUESTS = 500;
const SERVICES = ['records', 'communications', 'gateway'] as const;

type Row = Record<string, unknown>;
/**
 * Runs one statement: straight through `pg` for the baseline, under EXPLAIN for the server time.
 * `prepared`: the handler runs it as a named prepared statement (communications' PreparedReads),
 * so the baseline does too.
 */
type Run = (sql: string, params: unknown[], prepared?: string) => Promise<Row[]>;

interface Endpoint {
  name: string;
  path: string;
  /** The statements the handler runs, in order (a later one may use an earlier one's rows); returns what the API's answer must show. */
  sql: (run: Run) => Promise<unknown>;
  /** The same from the API's answer. */
  fromApi: (body: { data?: Row; items?: { data: Row }[] }) => unknown;
}

type Tab = 'inbox' | 'suggested' | 'sent' | 'archived';

interface Result {
  endpoint: Endpoint;
  sql: Figures;
  http: Figures;
  /** CPU per API request at CONNECTIONS, by process. */
  cpuMs: Record<string, number>;
  /** Cores the rest of the machine used meanwhile (other jobs, kernel, hypervisor steal). */
  otherCores: number;
  sqlAlone: Figures;
  httpAlone: Figures;
}

/** MailboxTabsRepository's tab conditions (apps/communications/src/modules/mailbox/mailbox-tabs.repository.ts). */
function tabCondition(tab: Tab): string {
  switch (tab) {
    case 'inbox':
      return `m.folder = 'inbox' AND m.archived_at IS NULL AND m.linked`;
    case 'suggested':
      return `m.folder = 'inbox' AND m.archived_at IS NULL AND NOT m.linked
        AND NOT EXISTS (SELECT 1 FROM ${COMMS}.ignored_senders i WHERE i.account_id = m.account_id AND i.user_id = m.user_id AND i.email = m.sender_email)`;
    case 'sent':
      return `m.folder = 'sent' AND m.archived_at IS NULL`;
    case 'archived':
      return `m.archived_at IS NOT NULL`;
  }
}

/**
 * MailboxTabsRepository.page, first page without search or unread filter: the entries' page, then
 * its emails, tracking and links; prepared, with the page's limit written in.
 */
const TAB_PAGE = (tab: Tab) => `SELECT m.email_id, m.folder, m.read_at, m.archived_at, m.date,
        e.message_id, e.direction, e.source, e.user_id, e.subject, left(e.text, 600) AS text_start,
        e.from_address, e.to_addresses, e.cc_addresses, e.attachments,
        t.email_id IS NOT NULL AS tracked, t.sent_at, t.open_count, t.last_opened_at,
        coalesce(l.links, '[]') AS links
 FROM (
   SELECT m.* FROM ${COMMS}.mailbox_entries m
   WHERE m.account_id = $1 AND m.user_id = $2 AND ${tabCondition(tab)}
   ORDER BY m.date DESC, m.email_id DESC
   LIMIT ${PER_PAGE + 1}
 ) m
 JOIN ${COMMS}.emails e ON e.id = m.email_id
 LEFT JOIN ${COMMS}.email_tracking t ON t.email_id = m.email_id
 LEFT JOIN LATERAL (
   SELECT json_agg(json_build_object('resource_type', l.resource_type, 'resource_id', l.resource_id) ORDER BY l.resource_type, l.resource_id) AS links
   FROM ${COMMS}.email_links l WHERE l.email_id = m.email_id AND l.account_id = $1
 ) l ON true
 ORDER BY m.date DESC, m.email_id DESC`;

/** MailboxTabsRepository.counts: the user's row of the counters the triggers keep (prepared). */
const COUNTS = `SELECT inbox_total, inbox_unread, suggested_total, suggested_unread, sent_total, archived_total
 FROM ${COMMS}.mailbox_counters WHERE account_id = $1 AND user_id = $2`;

/** SuggestedPeopleRepository.page, first page without `q`, with its latestName subquery (prepared). */
const SUGGESTED_PEOPLE = `WITH people AS (
   SELECT s.sender_email AS email, s.messages AS message_count, s.unread AS unread_count, s.last_date, s.last_email_id
   FROM ${COMMS}.mailbox_senders s
   WHERE s.account_id = $1 AND s.user_id = $2 AND s.messages > 0 AND NOT s.ignored
   ORDER BY s.last_date DESC, s.sender_email
   LIMIT ${PER_PAGE + 1}
 )
 SELECT p.*, e.subject AS last_subject,
        coalesce(nullif(e.from_address ->> 'name', ''), (SELECT recent.name FROM (
             SELECT ne.from_address ->> 'name' AS name, n.date, n.email_id FROM ${COMMS}.mailbox_entries n JOIN ${COMMS}.emails ne ON ne.id = n.email_id
             WHERE n.account_id = $1 AND n.user_id = $2 AND n.sender_email = p.email AND n.folder = 'inbox'
             ORDER BY n.date DESC, n.email_id DESC LIMIT 20
           ) recent WHERE coalesce(recent.name, '') <> '' ORDER BY recent.date DESC, recent.email_id DESC LIMIT 1)) AS name
 FROM people p JOIN ${COMMS}.emails e ON e.id = p.last_email_id
 ORDER BY p.last_date DESC, p.email`;

/** An entry of Suggested people, as migration 1700000000310 defines it. */
const SUGGESTED_ENTRY = `folder = 'inbox' AND archived_at IS NULL AND NOT linked AND sender_email IS NOT NULL`;

/**
 * `npm run bench -- comms [--emails=N] [--duration-ms=10000]`: the Communication Center over 1M
 * emails in one account (loaded with COPY, every trigger running, checked against a recount),
 * with records, communications and gateway as processes: p50/p95/p99 of each tab's first page
 * (`GET /v2/communications/emails?tab=…`), the counts and Suggested people, at 8 connections and
 * then at 1 (the path's own latency, without queueing for the CPUs); baseline: the statements
 * each handler runs, straight through `pg` (prepared where the handler prepares them). Then each
 * endpoint's time inside Postgres (EXPLAIN ANALYZE), the indexes it uses, and the CPU each
 * process spent per request.
 */
export async function commsBenchmark(): Promise<void> {
  const emails = numberOption('emails', 'BENCH_COMMS_EMAILS', 1_000_000);
  const durationMs = numberOption('duration-ms', 'BENCH_DURATION_MS', 10_000);
  const quietMs = Math.max(1000, Math.round(durationMs * 0.3));
  const stack = await startDeployedStack([...SERVICES], {
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: String(CONNECTIONS + 2),
  });
  const pool = new Pool({ connectionString: stack.database.url, max: CONNECTIONS });
  try {
    const account = await stack.createAccount('Bench');
    const headers = { ...account.auth, 'Content-Type': 'application/json' };
    const api = async (method: string, url: string, data?: object) => {
      const response = await fetch(`${stack.gatewayUrl}${url}`, { method, headers, body: data ? JSON.stringify({ data }) : undefined });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { data?: Row; items?: { data: Row }[] };
    };
    const asUser = (data: Row | undefined): MailboxUser => ({ id: data!.id as number, name: data!.name as string, email: data!.email as string });
    const users = [asUser((await api('GET', '/v2/users/self')).data)];
    for (let i = 0; i < COLLEAGUES; i++) users.push(asUser((await api('POST', '/v2/users', { name: `Colleague ${i}`, email: `colleague${i}@bench.test` })).data));

    const loadStarted = Date.now();
    const seeded = await seedMail(pool, {
      accountId: account.accountId,
      users,
      emails,
      onProgress: (step, done, total) => process.stdout.write(`\rseeding ${step}: ${done} / ${total}        `),
    });
    process.stdout.write(
      `\rseeded ${emails} emails in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s: ` +
        `${seeded.steps.map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`).join(', ')}\n`,
    );
    const checkStarted = Date.now();
    const problems = await checkSeed(pool, account.accountId);
    process.stdout.write(
      problems.length === 0
        ? `seed check (${((Date.now() - checkStarted) / 1000).toFixed(1)} s): linked, counters, senders, ignored flags, link dates and conversations agree with a recount\n`
        : `seed check FAILED: ${problems.join('; ')}\n`,
    );
    await describeMailbox(pool, account.accountId, users[0].id, seeded);

    const endpoints = endpointsOf(account.accountId, users[0].id);

    // The API must answer what the SQL answers (this also warms caches and the gateway's token cache).
    const direct: Run = async (sql, params, prepared) => (await pool.query(prepared ? { name: prepared, text: sql, values: params } : { text: sql, values: params })).rows;
    for (const endpoint of endpoints) {
      const [expected, answered] = [await endpoint.sql(direct), endpoint.fromApi(await api('GET', endpoint.path))];
      if (!isDeepStrictEqual(expected, answered)) {
        problems.push(`${endpoint.name}: API and SQL differ`);
        process.stdout.write(`${endpoint.name}: API answered ${JSON.stringify(answered).slice(0, 300)}, SQL ${JSON.stringify(expected).slice(0, 300)}\n`);
      }
    }

    const cpu = new CpuMeter({
      gateway: () => [stack.pid('gateway')!],
      communications: () => [stack.pid('communications')!],
      postgres: () => pidsMatching(`${stack.database.name} `),
      // Shared with whatever else runs on the machine, but busy mostly with this run's requests.
      'nats-server': () => pidsMatching('nats-server'),
      'bench client': () => [process.pid],
    });
    const results: Result[] = [];
    const http = (endpoint: Endpoint, connections: number, ms: number, amount?: number) =>
      measureHttp(`${endpoint.name}: GET ${endpoint.path}${connections === 1 ? ', 1 connection' : ''}`, {
        url: `${stack.gatewayUrl}${endpoint.path}`,
        connections,
        durationMs: ms,
        amount,
        headers,
      });
    // Every code path of the services warm before anything is measured: with 200 requests each, the
    // first endpoint measured still cost about a third more CPU per request than when measured last.
    for (const endpoint of endpoints) await http(endpoint, CONNECTIONS, durationMs, WARM_UP_REQUESTS);
    for (const endpoint of endpoints) {
      process.stdout.write(`measuring ${endpoint.name}…\n`);
      const sql = await measureLoop(`${endpoint.name}: SQL (pg)`, CONNECTIONS, durationMs, () => endpoint.sql(direct));
      cpu.start();
      const api = await http(endpoint, CONNECTIONS, durationMs);
      const used = cpu.stop();
      const cpuMs = Object.fromEntries(Object.entries(used.cores).map(([name, cores]) => [name, (cores * used.seconds * 1000) / Math.max(1, api.requests)]));
      // One request at a time: the latency of the path itself, without queueing for the machine's CPUs.
      const sqlAlone = await measureLoop(`${endpoint.name}: SQL (pg), 1 connection`, 1, quietMs, () => endpoint.sql(direct));
      const apiAlone = await http(endpoint, 1, quietMs);
      const otherCores = used.cores['everything else (other processes, kernel)'] + used.cores['stolen by the hypervisor'];
      results.push({ endpoint, sql, http: api, cpuMs, otherCores, sqlAlone, httpAlone: apiAlone });
    }
    const serverMs = new Map<Endpoint, { ms: number; indexes: string[] }>();
    for (const endpoint of endpoints) serverMs.set(endpoint, await serverTime(pool, endpoint));

    process.stdout.write(`\ncomms benchmark: ${emails} emails, ${CONNECTIONS} connections, ${durationMs / 1000} s per phase\n`);
    printTable(results.flatMap((r) => [r.sql, { ...r.http, baseline: r.sql }, r.sqlAlone, { ...r.httpAlone, baseline: r.sqlAlone }]));
    printTargets(results, serverMs);
    const failed = results.some((r) => r.sql.errors + r.http.errors + r.sqlAlone.errors + r.httpAlone.errors > 0);
    if (problems.length > 0 || failed) process.exitCode = 1;
  } finally {
    await pool.end();
    await stack.stop();
  }
}

/** The four tabs' first page, the counts and Suggested people's first page of one user, and the SQL of each. */
function endpointsOf(accountId: number, userId: number): Endpoint[] {
  const tab = (name: Tab): Endpoint => ({
    name: `${name} page 1`,
    path: `/v2/communications/emails?tab=${name}`,
    sql: async (run) => (await run(TAB_PAGE(name), [accountId, userId], `bench_${name}_page`)).slice(0, PER_PAGE).map((row) => [row.email_id, row.links]),
    fromApi: (body) => body.items!.map((item) => [item.data.id, item.data.resources]),
  });
  return [
    tab('inbox'),
    tab('suggested'),
    tab('sent'),
    tab('archived'),
    {
      name: 'counts',
      path: '/v2/communications/emails/counts',
      sql: async (run) => {
        const [c] = await run(COUNTS, [accountId, userId], 'bench_counts');
        return {
          inbox: { total: c.inbox_total, unread: c.inbox_unread },
          suggested: { total: c.suggested_total, unread: c.suggested_unread },
          sent: { total: c.sent_total },
          archived: { total: c.archived_total },
        };
      },
      fromApi: (body) => body.data,
    },
    {
      name: 'suggested people page 1',
      path: '/v2/communications/suggested_people',
      sql: async (run) => (await run(SUGGESTED_PEOPLE, [accountId, userId], 'bench_people')).slice(0, PER_PAGE).map((row) => [row.email, row.name]),
      fromApi: (body) => body.items!.map((item) => [item.data.email, item.data.name]),
    },
  ];
}

function printTargets(results: Result[], serverMs: Map<Endpoint, { ms: number; indexes: string[] }>): void {
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  const lines = [
    [`p95, ${CONNECTIONS} connections`, 'API', 'SQL', 'API/SQL', '1 connection: API', 'SQL', 'in Postgres', `CPU ms per API request (${CONNECTIONS} conn.): gateway / communications / postgres / nats / bench`, 'rest of machine', `target < ${TARGET_P95_MS} ms`],
    ...results.map(({ endpoint, sql, http, cpuMs, otherCores, sqlAlone, httpAlone }) => [
      endpoint.name,
      `${fmt(http.p95)} ms`,
      `${fmt(sql.p95)} ms`,
      `${fmt(http.p95 / sql.p95)}x`,
      `${fmt(httpAlone.p95)} ms`,
      `${fmt(sqlAlone.p95)} ms`,
      `${fmt(serverMs.get(endpoint)!.ms)} ms`,
      ['gateway', 'communications', 'postgres', 'nats-server', 'bench client'].map((name) => fmt(cpuMs[name])).join(' / '),
      `${fmt(otherCores)} cores`,
      http.p95 < TARGET_P95_MS ? 'met' : 'NOT met',
    ]),
  ];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  process.stdout.write('\n');
  for (const line of lines) process.stdout.write(line.map((cell, c) => cell.padEnd(widths[c])).join('  ') + '\n');
  const missed = results.filter(({ http }) => !(http.p95 < TARGET_P95_MS)).map(({ endpoint }) => endpoint.name);
  process.stdout.write(
    `\n"rest of machine": CPU used by everything but this run's processes during the ${CONNECTIONS}-connection API phase, of ${availableParallelism()} cores.` +
    `\n"in Postgres": planning + execution of the handler's statements (EXPLAIN ANALYZE, prepared ones warm, median of 5, one at a time); indexes used:\n` +
      results.map(({ endpoint }) => `  ${endpoint.name}: ${serverMs.get(endpoint)!.indexes.join(', ') || '(none: sequential scan)'}`).join('\n') +
      `\ntarget p95 < ${TARGET_P95_MS} ms at ${CONNECTIONS} connections: ${missed.length === 0 ? 'met by every endpoint' : `NOT met by ${missed.join(', ')}`}\n`,
  );
}

/**
 * Median planning + execution time of the endpoint's statements, run alone on one connection,
 * and the indexes their plans use. A prepared statement is explained as the handler's connections
 * run it once warm: EXECUTE after more than the five runs Postgres plans for the values before it
 * may keep a generic plan.
 */
async function serverTime(pool: Pool, endpoint: Endpoint): Promise<{ ms: number; indexes: string[] }> {
  type Explained = { 'QUERY PLAN': [{ Plan: Row; 'Planning Time': number; 'Execution Time': number }] };
  const client = await pool.connect();
  try {
    const times: number[] = [];
    const indexes = new Set<string>();
    for (let k = 0; k < 5; k++) {
      let total = 0;
      await endpoint.sql(async (sql, params, prepared) => {
        let explained: Explained[];
        if (prepared) {
          for (let warm = 0; warm < 6; warm++) await client.query({ name: prepared, text: sql, values: params });
          if (!params.every((p) => Number.isInteger(p))) throw new Error(`${endpoint.name}: EXECUTE takes integer parameters only here`);
          explained = (await client.query<Explained>(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${prepared}(${params.join(', ')})`)).rows;
        } else {
          explained = (await client.query<Explained>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params)).rows;
        }
        const [plan] = explained[0]['QUERY PLAN'];
        total += plan['Planning Time'] + plan['Execution Time'];
        collectIndexes(plan.Plan, indexes);
        return (await client.query(prepared ? { name: prepared, text: sql, values: params } : { text: sql, values: params })).rows;
      });
      times.push(total);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], indexes: [...indexes] };
  } finally {
    client.release();
  }
}

function collectIndexes(node: Row, into: Set<string>): void {
  if (typeof node['Index Name'] === 'string') into.add(node['Index Name']);
  for (const child of (node.Plans as Row[] | undefined) ?? []) collectIndexes(child, into);
}

/**
 * The seed against a recount from the rows themselves: what the triggers keep must be what a
 * full count gives, or the figures would measure a mailbox that cannot exist.
 */
async function checkSeed(pool: Pool, accountId: number): Promise<string[]> {
  const count = async (sql: string) => Number((await pool.query<{ n: number }>(sql, [accountId])).rows[0].n);
  const checks: [string, string][] = [
    [
      'entries whose linked is wrong',
      `SELECT count(*)::int AS n FROM ${COMMS}.mailbox_entries m WHERE m.account_id = $1
         AND m.linked IS DISTINCT FROM EXISTS (SELECT 1 FROM ${COMMS}.email_links l WHERE l.email_id = m.email_id AND l.resource_type IN ('lead', 'contact'))`,
    ],
    [
      'users whose counters are wrong',
      `WITH suggested AS (
         SELECT m.user_id, m.sender_email, m.read_at FROM ${COMMS}.mailbox_entries m
         WHERE m.account_id = $1 AND ${SUGGESTED_ENTRY}
           AND NOT EXISTS (SELECT 1 FROM ${COMMS}.ignored_senders i WHERE i.account_id = m.account_id AND i.user_id = m.user_id AND i.email = m.sender_email)),
       people AS (
         SELECT user_id, count(DISTINCT sender_email)::int AS suggested_total, count(*) FILTER (WHERE read_at IS NULL)::int AS suggested_unread
         FROM suggested GROUP BY user_id),
       truth AS (
         SELECT user_id,
                count(*) FILTER (WHERE folder = 'inbox' AND archived_at IS NULL AND linked)::int AS inbox_total,
                count(*) FILTER (WHERE folder = 'inbox' AND archived_at IS NULL AND linked AND read_at IS NULL)::int AS inbox_unread,
                count(*) FILTER (WHERE folder = 'sent' AND archived_at IS NULL)::int AS sent_total,
                count(*) FILTER (WHERE archived_at IS NOT NULL)::int AS archived_total
         FROM ${COMMS}.mailbox_entries WHERE account_id = $1 GROUP BY user_id)
       SELECT count(*)::int AS n FROM truth t LEFT JOIN people p USING (user_id) FULL JOIN (SELECT * FROM ${COMMS}.mailbox_counters WHERE account_id = $1) c USING (user_id)
       WHERE (t.inbox_total, t.inbox_unread, coalesce(p.suggested_total, 0), coalesce(p.suggested_unread, 0), t.sent_total, t.archived_total)
             IS DISTINCT FROM (c.inbox_total, c.inbox_unread, c.suggested_total, c.suggested_unread, c.sent_total, c.archived_total)`,
    ],
    [
      'senders whose aggregates are wrong',
      `WITH truth AS (
         SELECT user_id, sender_email, count(*)::int AS messages, count(*) FILTER (WHERE read_at IS NULL)::int AS unread, max(date) AS last_date,
                (array_agg(email_id ORDER BY date DESC, email_id DESC))[1] AS last_email_id
         FROM ${COMMS}.mailbox_entries WHERE account_id = $1 AND ${SUGGESTED_ENTRY} GROUP BY user_id, sender_email)
       SELECT count(*)::int AS n FROM truth t FULL JOIN (SELECT * FROM ${COMMS}.mailbox_senders WHERE account_id = $1 AND messages > 0) s USING (user_id, sender_email)
       WHERE (t.messages, t.unread, t.last_date, t.last_email_id) IS DISTINCT FROM (s.messages, s.unread, s.last_date, s.last_email_id)`,
    ],
    [
      'senders whose ignored flag is wrong',
      `SELECT count(*)::int AS n FROM ${COMMS}.mailbox_senders s FULL JOIN (SELECT * FROM ${COMMS}.ignored_senders WHERE account_id = $1) i
         ON i.account_id = s.account_id AND i.user_id = s.user_id AND i.email = s.sender_email
       WHERE coalesce(s.account_id, i.account_id) = $1 AND coalesce(s.ignored, false) IS DISTINCT FROM (i.email IS NOT NULL)`,
    ],
    [
      'links whose email_date is wrong',
      `SELECT count(*)::int AS n FROM ${COMMS}.email_links l JOIN ${COMMS}.emails e ON e.id = l.email_id WHERE l.account_id = $1 AND l.email_date <> e.date`,
    ],
    ['emails left for the threading pass', `SELECT count(*)::int AS n FROM ${COMMS}.emails WHERE account_id = $1 AND conversation_id IS NULL`],
  ];
  const problems: string[] = [];
  for (const [what, sql] of checks) {
    const n = await count(sql);
    if (n !== 0) problems.push(`${n} ${what}`);
  }
  return problems;
}

async function describeMailbox(pool: Pool, accountId: number, userId: number, seeded: { ignored: string[]; records: number; strangers: number }): Promise<void> {
  const { rows: [m] } = await pool.query<Record<string, number>>(
    `SELECT coalesce(c.inbox_total, 0) AS inbox_total, coalesce(c.inbox_unread, 0) AS inbox_unread,
            coalesce(c.sent_total, 0) AS sent_total, coalesce(c.archived_total, 0) AS archived_total,
            (SELECT count(*)::int FROM ${COMMS}.mailbox_entries WHERE account_id = $1 AND user_id = $2) AS entries,
            (SELECT count(*)::int FROM ${COMMS}.mailbox_senders WHERE account_id = $1 AND user_id = $2 AND messages > 0) AS senders,
            (SELECT coalesce(sum(messages), 0)::int FROM ${COMMS}.mailbox_senders WHERE account_id = $1 AND user_id = $2) AS suggested_mail,
            (SELECT coalesce(sum(messages), 0)::int FROM ${COMMS}.mailbox_senders WHERE account_id = $1 AND user_id = $2 AND sender_email = ANY($3)) AS ignored_mail
     FROM (SELECT 1) AS one LEFT JOIN ${COMMS}.mailbox_counters c ON c.account_id = $1 AND c.user_id = $2`,
    [accountId, userId, seeded.ignored],
  );
  process.stdout.write(
    `measured mailbox (user ${userId}): ${m.entries} entries; Inbox ${m.inbox_total} (${m.inbox_unread} unread), ` +
      `Suggested ${m.suggested_mail} emails from ${m.senders} senders (${seeded.ignored.length} ignored, with ${m.ignored_mail} of them), ` +
      `Sent ${m.sent_total}, Archived ${m.archived_total}; ${seeded.records} leads and contacts, ${seeded.strangers} other senders in the account\n`,
  );
}
