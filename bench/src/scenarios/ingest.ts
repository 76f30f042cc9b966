import { quantile } from '../measure';
import { ProcessStack } from '@crm/testing';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { Pool } from 'pg';
import { CpuMeter, pidsMatching, postgresWriterPids } from '../cpu';
import { numberOption } from '../options';
import { acceptRate, BenchMessage, MailKind, messageFactory, Rate, sendMessages, SendResult } from './ingest-mail';
import { EmailWatcher, VisibilityFigures } from './ingest-visibility';
import { startSmtpSink, withStoringSink } from './smtp-sink';
import { describeFloor, measureParse, meterStore } from './ingest-floor';
import { startDeployedStack } from '../deployment-env';

const SERVICES = ['records', 'communications', 'mail-ingest', 'distribution', 'gateway'] as const;
const TARGET_RATE = 500;
const TARGET_SHARE_OF_SINK = 0.5;
const TARGET_P99_MS = 500;
/** Messages of the mix parsed in the bench's own process for the floor. */
const PARSED_FOR_FLOOR = 900;

interface IngestOptions {
  connections: number;
  messages: number;
  customers: number;
  drainMs: number;
  /** How often the watcher looks at GET /v2/emails. */
  pollMs: number;
  /** Emails per page the watcher reads (it reads on while a page is all new). */
  watchPage: number;
  /** Offered load in messages per second (both servers); unset: as fast as they answer. */
  rate?: number;
}

interface Mailbox {
  auth: { Authorization: string };
  userEmail: string;
  bccAddress: string;
  smtpPort: number;
}

interface SystemFigures {
  sent: SendResult;
  visibility: VisibilityFigures;
  /** Messages accepted but not yet visible when the last 250 came. */
  backlog: number;
  cpu: { seconds: number; cores: Record<string, number> };
  /** The watcher's requests until everything was visible. */
  watcherRequests: number;
  /** The watcher polling on its own afterwards, and how many requests it made meanwhile. */
  watcherAlone: { seconds: number; cores: Record<string, number>; requests: number };
  /** Nothing at all: the services' own background loops. */
  idle: { seconds: number; cores: Record<string, number> };
  commitsPerMessage: number;
  loadBefore: string;
}

/**
 * `npm run bench -- ingest [--connections=K] [--messages=N] [--rate=R] [--customers=C] [--poll-ms=50] [--watch-page=25] [--drain-ms=60000]`: K parallel SMTP connections send N
 * messages (a third plain, a third forwarded, a third with a 100 KB attachment) to an account's
 * global BCC address, with every service a separate process on Postgres and NATS. Measures 250s
 * per second and, for every message, the time from its 250 to its email being listed by
 * `GET /v2/emails`; then where the time went (each stage's rate and wait from the services'
 * own timestamps, CPU per service). Baseline in the same run: the same load against a bare
 * smtp-server that discards the data.
 */
export async function ingestBenchmark(): Promise<void> {
  const options: IngestOptions = {
    connections: numberOption('connections', 'BENCH_INGEST_CONNECTIONS', 16),
    messages: numberOption('messages', 'BENCH_INGEST_MESSAGES', 3000),
    customers: numberOption('customers', 'BENCH_INGEST_CUSTOMERS', 500),
    drainMs: numberOption('drain-ms', 'BENCH_INGEST_DRAIN_MS', 60_000),
    pollMs: numberOption('poll-ms', 'BENCH_INGEST_POLL_MS', 50),
    // Small pages: each request costs the services for every email it carries (bodies included),
    // so the observer takes less of the machine; a poll reads further pages when one is all new.
    watchPage: numberOption('watch-page', 'BENCH_INGEST_WATCH_PAGE', 25),
    rate: numberOption('rate', 'BENCH_INGEST_RATE', 0) || undefined,
  };
  const stack = await startDeployedStack([...SERVICES], {
    LOG_LEVEL: 'warn',
    BCC_DOMAIN: 'bcc.bench',
    // What deploy/k8s/configmap.yaml gives every replica.
    DATABASE_POOL_SIZE: '10',
  });
  const pool = new Pool({ connectionString: stack.database.url, max: 2 });
  const sink = await startSmtpSink();
  try {
    const mailbox = await openMailbox(stack);
    const runId = randomBytes(4).toString('hex');
    const build = messageFactory({ ...mailbox, customers: Math.min(options.customers, options.messages), runId });
    const warmup = options.connections * 4;

    await sendMessages(sink.port, options.connections, warmup, (i) => build(options.messages + i));
    const baseline = await sendMessages(sink.port, options.connections, options.messages, build, options.rate);
    const { result: stored, cost: storeCost } = await withStoringSink(pool, stack.database.url, async (storingSink) => {
      await sendMessages(storingSink.port, options.connections, warmup, (i) => build(options.messages + i));
      return meterStore(storingSink.pid, stack.database.name, () =>
        sendMessages(storingSink.port, options.connections, options.messages, build, options.rate),
      );
    });
    const parseCost = await measureParse(Array.from({ length: Math.min(options.messages, PARSED_FOR_FLOOR) }, (_, i) => build(i)));

    await warmUp(stack, mailbox, options, warmup, runId);
    // As autovacuum would have by now in a database in use: plans for tables that have rows.
    await pool.query('ANALYZE');
    const system = await measureSystem(stack, pool, mailbox, options, build);
    report(options, warmup, baseline, stored, system);
    await printStages(pool, runId);
    printCpu(options, system);
    printTargets(acceptRate(system.sent), acceptRate(baseline), p99Of(system));
    if (!options.rate) for (const line of describeFloor(storeCost, parseCost, TARGET_RATE)) out(line);

    if (system.sent.refused > 0 || baseline.refused > 0 || system.visibility.seenCount < system.sent.accepted) process.exitCode = 1;
  } finally {
    await sink.stop();
    await pool.end();
    await stack.stop();
  }
}

async function openMailbox(stack: ProcessStack): Promise<Mailbox> {
  const account = await stack.createAccount('Bench');
  const api = async <T>(url: string): Promise<T> => {
    const response = await fetch(`${stack.gatewayUrl}${url}`, { headers: account.auth });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: T }).data;
  };
  return {
    auth: account.auth,
    userEmail: (await api<{ email: string }>('/v2/users/self')).email,
    bccAddress: (await api<{ email: string }>('/v2/bcc_address')).email,
    smtpPort: stack.smtpPorts['mail-ingest'],
  };
}

/** Connections, pools and code paths warmed with messages of their own, waited for until visible. */
async function warmUp(stack: ProcessStack, mailbox: Mailbox, options: IngestOptions, count: number, runId: string): Promise<void> {
  const watcher = new EmailWatcher(stack.gatewayUrl, mailbox.auth, count, options.pollMs, options.watchPage);
  const build = messageFactory({ ...mailbox, customers: count, runId: `${runId}w` });
  watcher.start();
  await sendMessages(mailbox.smtpPort, options.connections, count, (i) => {
    const message = build(i);
    watcher.expect(message.messageId, i);
    return message;
  });
  await watcher.drain(options.drainMs);
  await watcher.stop();
}

async function measureSystem(
  stack: ProcessStack,
  pool: Pool,
  mailbox: Mailbox,
  options: IngestOptions,
  build: (index: number) => BenchMessage,
): Promise<SystemFigures> {
  const watcher = new EmailWatcher(stack.gatewayUrl, mailbox.auth, options.messages, options.pollMs, options.watchPage);
  const cpu = new CpuMeter({
    ...Object.fromEntries(SERVICES.map((service) => [service, () => [stack.pid(service)!]])),
    postgres: () => pidsMatching(`${stack.database.name} `),
    'postgres wal writer, checkpointer, bgwriter': postgresWriterPids,
    'nats-server': () => pidsMatching('nats-server'),
    'bench client': () => [process.pid],
  });
  const commits = async () =>
    Number((await pool.query<{ n: string }>(`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0].n);
  const commitsBefore = await commits();
  const loadBefore = loadavg()[0].toFixed(2);

  cpu.start();
  watcher.start();
  const sent = await sendMessages(
    mailbox.smtpPort,
    options.connections,
    options.messages,
    (index) => {
      const message = build(index);
      watcher.expect(message.messageId, index);
      return message;
    },
    options.rate,
  );
  const backlog = watcher.outstanding;
  await watcher.drain(options.drainMs);
  const used = cpu.stop();
  const watcherRequests = watcher.requestCount;
  // What the watcher costs by itself: the same polling, a few seconds with nothing new to see.
  cpu.start();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const watcherAlone = { ...cpu.stop(), requests: watcher.requestCount - watcherRequests };
  const visibility = await watcher.stop();
  cpu.start();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const idle = cpu.stop();
  // A backend reports its statistics to pg_stat_database within a second or so.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const commitsPerMessage = ((await commits()) - commitsBefore) / options.messages;
  return { sent, visibility, backlog, cpu: used, watcherRequests, watcherAlone, idle, commitsPerMessage, loadBefore };
}

/** Accept -> visible latencies (ms) of the messages of one kind (or all), sorted; a message never seen is Infinity. */
function latencies(system: SystemFigures, kind?: MailKind): number[] {
  const values: number[] = [];
  system.sent.kinds.forEach((k, i) => {
    if ((kind && k !== kind) || !Number.isFinite(system.sent.acceptedAt[i])) return;
    const seen = system.visibility.seenAt[i];
    values.push(Number.isFinite(seen) ? seen - system.sent.acceptedAt[i] : Infinity);
  });
  return values.sort((a, b) => a - b);
}

function p99Of(system: SystemFigures): number {
  return quantile(latencies(system), 0.99);
}

function report(options: IngestOptions, warmup: number, baseline: SendResult, stored: SendResult, system: SystemFigures): void {
  const { sent, visibility } = system;
  const all = latencies(system);
  const seen = all.filter(Number.isFinite).length;
  const lastVisible = Math.max(...Array.from(visibility.seenAt).filter(Number.isFinite));
  out(
    `\ningest benchmark: ${options.messages} messages (1/3 plain, 1/3 forwarded, 1/3 with a 100 KB attachment) over ` +
      `${options.connections} SMTP connections${options.rate ? `, offered at ${options.rate} msg/s` : ', as fast as answered'}, ` +
      `about ${Math.min(options.customers, options.messages)} customers; ` +
      `a warm-up of ${warmup} messages before each, not counted\n`,
  );
  printRates([
    ['bare smtp-server (discards)', baseline, undefined],
    ['ceiling: smtp-server + one INSERT of the raw message before the 250', stored, acceptRate(baseline)],
    ['mail-ingest (stores, then files)', sent, acceptRate(baseline)],
  ]);
  if (options.rate) out(`(a fixed offered load: msg/s and the ratio say whether it was kept up with, not what the servers could take)`);
  out(
    `\naccept -> visible in GET /v2/emails (${seen} of ${sent.accepted} seen` +
      `${seen < sent.accepted ? `; ${sent.accepted - seen} NOT within ${options.drainMs / 1000} s of the previous one` : ''}): ` +
      `p50 ${ms(quantile(all, 0.5))}, p99 ${ms(quantile(all, 0.99))}, max ${ms(all[all.length - 1])}`,
  );
  out(`  by kind: ${(['plain', 'forwarded', 'attachment'] as const).map((kind) => {
    const values = latencies(system, kind);
    return `${kind} p50 ${ms(quantile(values, 0.5))} p99 ${ms(quantile(values, 0.99))}`;
  }).join('; ')}`);
  out(
    `  all visible ${((lastVisible - sent.startedAt) / 1000).toFixed(1)} s after the first send ` +
      `(sending took ${((sent.finishedAt - sent.startedAt) / 1000).toFixed(1)} s, ${system.backlog} not yet visible at the last 250): ` +
      `${(seen / ((lastVisible - sent.startedAt) / 1000)).toFixed(0)} visible/s end to end`,
  );
  out(
    `  watcher: ${visibility.polls} polls, ${visibility.requests} requests of ${options.watchPage} emails (mean ${visibility.meanRequestMs.toFixed(0)} ms), ` +
      `${visibility.foundBySweep} messages found only by a sweep over every page\n`,
  );
}

function printRates(rows: [string, SendResult, Rate | undefined][]): void {
  const lines = [
    ['server', 'accepted', 'refused', 'seconds', 'msg/s', 'slowest 1 s', 'ratio to baseline (msg/s)'],
    ...rows.map(([name, result, baseline]) => {
      const rate = acceptRate(result);
      return [
        name,
        String(result.accepted),
        String(result.refused),
        ((result.finishedAt - result.startedAt) / 1000).toFixed(1),
        rate.mean.toFixed(0),
        String(rate.lowestSecond),
        baseline ? `${((rate.mean / baseline.mean) * 100).toFixed(0)}% of the bare sink` : '(baseline)',
      ];
    }),
  ];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const line of lines) out(line.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}

/**
 * Where the time goes, from the rows the services wrote (one clock, the database's): stored
 * (raw_messages.received_at, before the 250) -> filed (filed_at: the filing transaction, which
 * also writes the outbox row) -> emails.created_at in communications. Each stage's rate is its
 * messages over the span of its timestamps: the slowest stage limits the run.
 */
async function printStages(pool: Pool, runId: string): Promise<void> {
  const { rows } = await pool.query<Record<string, number>>(
    `WITH m AS (
       SELECT r.received_at, r.filed_at, e.created_at,
              extract(epoch FROM r.filed_at - r.received_at)::float8 * 1000 AS stored_to_filed,
              extract(epoch FROM e.created_at - r.filed_at)::float8 * 1000 AS filed_to_email
       FROM mail_ingest.raw_messages r JOIN communications.emails e ON e.account_id = r.account_id AND e.message_id = r.message_id
       WHERE r.message_id LIKE $1)
     SELECT count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY stored_to_filed) AS filed_p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY stored_to_filed) AS filed_p99,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY filed_to_email) AS email_p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY filed_to_email) AS email_p99,
            extract(epoch FROM max(received_at) - min(received_at))::float8 AS stored_span,
            extract(epoch FROM max(filed_at) - min(filed_at))::float8 AS filed_span,
            extract(epoch FROM max(created_at) - min(created_at))::float8 AS email_span,
            count(DISTINCT filed_at)::int AS batches
     FROM m`,
    [`bench-${runId}-%`],
  );
  const r = rows[0];
  const rate = (span: number) => `${(r.n / span).toFixed(0)}/s over ${span.toFixed(1)} s`;
  out(`where the time goes (database clock, ${r.n} messages):`);
  out(`  stored before the 250:                    ${rate(r.stored_span)}`);
  out(`  stored -> filed (mail-ingest's worker):   ${rate(r.filed_span)}, waited p50 ${ms(r.filed_p50)} p99 ${ms(r.filed_p99)}; ` +
    `${r.batches} batches of ${(r.n / r.batches).toFixed(1)} on average`);
  out(`  filed -> email row (outbox, JetStream, communications' consumer): ${rate(r.email_span)}, ` +
    `waited p50 ${ms(r.email_p50)} p99 ${ms(r.email_p99)}`);
}

function printCpu(options: IngestOptions, system: SystemFigures): void {
  const { cpu, watcherAlone, watcherRequests, idle } = system;
  out(`  Postgres commits per message (every service, the watcher's reads included): ${system.commitsPerMessage.toFixed(1)}`);
  out(
    `CPU from the first send until all were visible, ${cpu.seconds.toFixed(0)} s (cores of ${availableParallelism()}, ` +
      `1.0 = one core busy; load average before: ${system.loadBefore}):`,
  );
  out(`  ${Object.entries(cpu.cores).map(([name, cores]) => `${name} ${cores.toFixed(2)}`).join(', ')}`);
  // CPU ms one watcher request costs each process: the polling on its own, less the idle services' background loops.
  const perRequest = (name: string) =>
    ((watcherAlone.cores[name] - idle.cores[name]) * watcherAlone.seconds * 1000) / Math.max(1, watcherAlone.requests);
  const perMessage = [...SERVICES, 'postgres'].map((name) => {
    const ms = ((cpu.cores[name] - idle.cores[name]) * cpu.seconds * 1000 - perRequest(name) * watcherRequests) / options.messages;
    return `${name} ${ms.toFixed(1)}`;
  });
  out(`  ms of CPU per message, less the watcher's requests and the idle background: ${perMessage.join(', ')}`);
  out(
    `  the idle background (nothing sent, nothing polled, ${idle.seconds.toFixed(0)} s): ` +
      [...SERVICES, 'postgres', 'nats-server'].map((name) => `${name} ${idle.cores[name].toFixed(2)}`).join(', '),
  );
  out(
    `  the watcher alone (polling with nothing new, ${watcherAlone.seconds.toFixed(0)} s, ${watcherAlone.requests} requests): ` +
      ['gateway', 'communications', 'postgres', 'bench client'].map((name) => `${name} ${watcherAlone.cores[name].toFixed(2)}`).join(', ') +
      `; ms of CPU per request: ${['gateway', 'communications', 'postgres'].map((name) => `${name} ${perRequest(name).toFixed(1)}`).join(', ')}\n`,
  );
}

function printTargets(system: Rate, baseline: Rate, p99: number): void {
  const share = system.mean / baseline.mean;
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  out(
    `targets: >= ${TARGET_RATE} msg/s sustained (${system.mean.toFixed(0)}/s, slowest second ${system.lowestSecond}): ` +
      `${verdict(system.mean >= TARGET_RATE && system.lowestSecond >= TARGET_RATE)}; ` +
      `>= ${TARGET_SHARE_OF_SINK * 100}% of the bare sink (${(share * 100).toFixed(0)}%): ${verdict(share >= TARGET_SHARE_OF_SINK)}; ` +
      `p99 accept -> visible < ${TARGET_P99_MS} ms (${ms(p99)}): ${verdict(p99 < TARGET_P99_MS)}`,
  );
}

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  return Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'never';
}
