import { ProcessStack } from '@crm/testing';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { CpuMeter, pidsMatching, postgresWriterPids } from '../cpu';
import { Figures, measureHttp, measureLoop, printTable, quantile } from '../measure';
import { numberOption } from '../options';
import { seedPhoneCenter } from './telephony-data';
import { ListWatcher, ListWatcherFigures } from './telephony-visibility';
import { pacing, PacedRun, runPaced, WebhookClient, WebhookKind, webhookPlan } from './telephony-webhooks';
import { startDeployedStack } from '../deployment-env';
import { describeCeilings, measureCeilings } from '../ceiling/ceilings';

const SERVICES = ['records', 'communications', 'telephony', 'gateway'] as const;
const TARGET_VISIBLE_P99_MS = 200;
const TARGET_LIST_P95_MS = 30;
/** What startProcessStack gives every service, and so the URL Twilio signs. */
const PUBLIC_URL = 'http://crm.test';
const USER_NUMBER = '+14155550100';
/** Where the user's calls ring (their profile's phone): every voice webhook asks records for it. */
const USER_OWN_PHONE = '(415) 555-0199';
/** Callers: the first half become leads (their texts and calls are matched), the other half are nobody's. */
const CALLERS = 100;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);

interface TelephonyOptions {
  rate: number;
  seconds: number;
  connections: number;
  ringMs: number;
  pollMs: number;
  drainMs: number;
  baselineSeconds: number;
  rows: number;
  listConnections: number;
}

interface Setup {
  auth: { Authorization: string };
  accountId: number;
  userId: number;
  callers: string[];
  accountSid: string;
  authToken: string;
}

/** One paced run of the webhook mix: through the gateway, or the plain-SQL baseline. */
interface MixRun {
  run: PacedRun;
  kinds: WebhookKind[];
}

interface SystemRun extends MixRun {
  texts: ListWatcherFigures;
  calls: ListWatcherFigures;
  /** Each awaited item's key in its list -> its slot index, for the stages. */
  keys: Map<string, number>;
  backlog: number;
  lagCalls: number;
  cpu: { seconds: number; cores: Record<string, number> };
  /** Requests the watchers made until everything was visible. */
  watcherRequests: number;
  /** The watchers polling page 1 on their own afterwards, and how many requests they made meanwhile. */
  watchersAlone: { seconds: number; cores: Record<string, number>; requests: number };
  /** Nothing at all: the services' own background loops. */
  idle: { seconds: number; cores: Record<string, number> };
}

/**
 * `npm run bench -- telephony [--rate=1000] [--seconds=60] [--rows=1000000] [--connections=64] [--ring-ms=500] [--poll-ms=50]
 * [--list-connections=4] [--baseline-seconds=10] [--drain-ms=30000]`, issue 7's benchmark.
 *
 * Part 1: records, communications, telephony and gateway as processes; signed Twilio webhooks
 * at a fixed rate (half inbound SMS, a quarter voice webhooks of new inbound calls, a quarter
 * status callbacks of those calls `ring-ms` later) with at most `connections` in flight: each
 * webhook's HTTP answer, and for every SMS and status callback the time from sending it until
 * the Communication Center list shows it (`GET /v2/communications/text_messages` / `calls`,
 * newest first, polled every `poll-ms`), p50/p99; where that time went (the services' own
 * timestamps); CPU per process. Baseline in the same run: the same mix at the same rate as
 * plain SQL through `pg` (an INSERT per SMS and call, an UPDATE per status).
 *
 * Part 2: `rows` calls and texts of the user seeded with COPY (half matched, missed calls,
 * unread texts), then `GET /v2/communications/calls?matched=false`, `?missed=true`,
 * `text_messages?matched=false` and `counts` through the gateway, p50/p95, against the same SQL
 * through `pg` at the same concurrency.
 */
export async function telephonyBenchmark(): Promise<void> {
  const options: TelephonyOptions = {
    rate: numberOption('rate', 'BENCH_TELEPHONY_RATE', 1000),
    seconds: numberOption('seconds', 'BENCH_TELEPHONY_SECONDS', 60),
    connections: numberOption('connections', 'BENCH_TELEPHONY_CONNECTIONS', 64),
    ringMs: numberOption('ring-ms', 'BENCH_TELEPHONY_RING_MS', 500),
    pollMs: numberOption('poll-ms', 'BENCH_TELEPHONY_POLL_MS', 50),
    drainMs: numberOption('drain-ms', 'BENCH_TELEPHONY_DRAIN_MS', 30_000),
    baselineSeconds: numberOption('baseline-seconds', 'BENCH_TELEPHONY_BASELINE_SECONDS', 10),
    rows: numberOption('rows', 'BENCH_TELEPHONY_ROWS', 1_000_000),
    listConnections: numberOption('list-connections', 'BENCH_TELEPHONY_LIST_CONNECTIONS', 4),
  };
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const stack = await startDeployedStack([...SERVICES], {
    LOG_LEVEL: 'warn',
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    // What deploy/k8s/configmap.yaml gives every replica.
    DATABASE_POOL_SIZE: '10',
  });
  // The baseline's and the lists' SQL; a few connections, as other runs may share the server's 100.
  const pool = new Pool({ connectionString: stack.database.url, max: 8 });
  try {
    const setup = await prepareAccount(stack, pool, accountSid, authToken);

    await warmUp(stack, setup, options);
    const baseline = await measureBaseline(pool, setup, options);
    const system = await measureSystem(stack, setup, options);
    reportWebhooks(options, baseline, system);
    const ceilings = await measureCeilings(stack.gatewayUrl, options.connections, 5_000, setup.auth);
    out(`(${describeCeilings(ceilings)}; every webhook is one request through the gateway to telephony)`);
    await printStages(pool, setup, system, options);
    printCpu(system);

    const lists = await measureLists(pool, stack, setup, options);

    const visibleP99 = quantile(visibleLatencies(system, 'all'), 0.99);
    const answered = pacing(system.run, options.rate).perSecond;
    const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
    out(
      `\ntargets: ${options.rate} webhooks/s sustained (${answered.toFixed(0)}/s answered): ${verdict(answered >= 0.99 * options.rate)}; ` +
        `webhook -> visible p99 < ${TARGET_VISIBLE_P99_MS} ms (${ms(visibleP99)}): ${verdict(visibleP99 < TARGET_VISIBLE_P99_MS)}; ` +
        `lists p95 < ${TARGET_LIST_P95_MS} ms: ${lists.map((l) => `${l.label} ${ms(l.http.p95)} ${verdict(l.http.p95 < TARGET_LIST_P95_MS)}`).join(', ')}`,
    );
    const unseen = visibleLatencies(system, 'all').filter((latency) => !Number.isFinite(latency)).length;
    if (system.run.failed > 0 || unseen > 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await stack.stop();
  }
}

/** The admin's account: their own phone, a Twilio number, and leads for half the callers (copied to communications' record_phones). */
async function prepareAccount(stack: ProcessStack, pool: Pool, accountSid: string, authToken: string): Promise<Setup> {
  const account = await stack.createAccount('Bench');
  const api = apiOf(stack.gatewayUrl, account.auth);
  await api('PUT', `/v2/users/${account.userId}`, { phone_number: USER_OWN_PHONE });
  await api('POST', '/v2/phone_numbers', { user_id: account.userId, phone_number: USER_NUMBER });
  const callers = Array.from({ length: CALLERS }, (_, i) => (i < CALLERS / 2 ? `+1212555${1000 + i}` : `+1332555${1000 + i}`));
  for (const [i, phone] of callers.slice(0, CALLERS / 2).entries()) await api('POST', '/v2/leads', { first_name: 'Caller', last_name: `${i}`, phone });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM communications.record_phones WHERE account_id = $1`, [account.accountId]);
    if (rows[0].n >= CALLERS / 2) break;
    if (Date.now() > deadline) throw new Error(`communications has the numbers of ${rows[0].n} of ${CALLERS / 2} leads after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { auth: account.auth, accountId: account.accountId, userId: account.userId, callers, accountSid, authToken };
}

/** Code paths, connections and JIT warmed with a few seconds of the mix at a tenth of the rate, waited for until visible. */
async function warmUp(stack: ProcessStack, setup: Setup, options: TelephonyOptions): Promise<void> {
  const rate = Math.max(20, options.rate / 10);
  await runSystem(stack, setup, { ...options, rate, seconds: 3, connections: Math.min(options.connections, 16) }, randomBytes(4).toString('hex'));
}

async function measureSystem(stack: ProcessStack, setup: Setup, options: TelephonyOptions): Promise<SystemRun> {
  const cpu = new CpuMeter({
    ...Object.fromEntries(SERVICES.map((service) => [service, () => [stack.pid(service)!]])),
    postgres: () => pidsMatching(`${stack.database.name} `),
    'postgres wal writer, checkpointer, bgwriter': postgresWriterPids,
    'nats-server': () => pidsMatching('nats-server'),
    'bench client': () => [process.pid],
  });
  return runSystem(stack, setup, options, randomBytes(4).toString('hex'), cpu);
}

/**
 * The mix through the gateway. A status callback waits for its call's voice webhook to have been
 * answered (Twilio calls back about a call it created). Every SMS and status callback is awaited
 * in its list from the moment it is sent.
 */
async function runSystem(stack: ProcessStack, setup: Setup, options: TelephonyOptions, runId: string, cpu?: CpuMeter): Promise<SystemRun> {
  const count = Math.round(options.rate * options.seconds);
  const plan = webhookPlan({ accountSid: setup.accountSid, runId, userNumber: USER_NUMBER, callers: setup.callers, rate: options.rate, ringMs: options.ringMs });
  const client = new WebhookClient(stack.gatewayUrl, PUBLIC_URL, setup.authToken, options.connections);
  const texts = new ListWatcher(stack.gatewayUrl, setup.auth, '/v2/communications/text_messages', 'sent_at', (m) => String(m.external_id), count, options.pollMs);
  const calls = new ListWatcher(stack.gatewayUrl, setup.auth, '/v2/communications/calls', 'made_at', (c) => `${String(c.external_id)}:${String(c.status)}`, count, options.pollMs);
  const kinds = new Array<WebhookKind>(count);
  const keys = new Map<string, number>();
  const rang = new CallsRung();
  const work = async (index: number) => {
    const webhook = plan.at(index);
    kinds[index] = webhook.kind;
    let answered: ((sentAt: number) => void) | undefined;
    let refused: ((error: Error) => void) | undefined;
    let key: string | undefined;
    let watcher: ListWatcher | undefined;
    if (webhook.kind === 'voice') {
      ({ resolve: answered, reject: refused } = rang.of(webhook.call!));
    } else if (webhook.kind === 'status') {
      const rangAt = await rang.of(webhook.call!).promise;
      rang.done(webhook.call!);
      [key, watcher] = [`${webhook.sid}:${webhook.status}`, calls];
      calls.expect(key, index, rangAt);
    } else {
      [key, watcher] = [webhook.sid, texts];
      texts.expect(key, index, Date.now());
    }
    const sentAt = Date.now();
    if (key) keys.set(key, index);
    const postedAt = performance.now();
    try {
      const reply = await client.post(webhook);
      if (reply.status !== 200) throw new Error(`${webhook.kind} webhook: ${reply.status} ${reply.body.slice(0, 300)}`);
      answered?.(sentAt);
    } catch (error) {
      if (key) watcher?.forget(key);
      refused?.(error as Error);
      throw error;
    }
    return postedAt;
  };
  const requests = () => texts.requestCount + calls.requestCount;
  cpu?.start();
  texts.start();
  calls.start();
  const run = await runPaced(count, options.rate, options.connections, work);
  client.close();
  const backlog = texts.outstanding + calls.outstanding;
  await Promise.all([texts.drain(options.drainMs), calls.drain(options.drainMs)]);
  const none = { seconds: 0, cores: {} };
  const used = cpu?.stop() ?? none;
  const watcherRequests = requests();
  // What the watchers cost by themselves: the same polling for a few seconds, nothing new to see.
  let watchersAlone = { ...none, requests: 0 };
  let idle = none;
  if (cpu) {
    texts.pollWhenIdle = calls.pollWhenIdle = true;
    cpu.start();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    watchersAlone = { ...cpu.stop(), requests: requests() - watcherRequests };
  }
  const [textFigures, callFigures] = [await texts.stop(), await calls.stop()];
  if (cpu) {
    cpu.start();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    idle = cpu.stop();
  }
  return {
    run, kinds, texts: textFigures, calls: callFigures, keys, backlog, lagCalls: plan.lagCalls,
    cpu: used, watcherRequests, watchersAlone, idle,
  };
}

/**
 * The same mix at the same rate and concurrency as plain SQL through `pg`, into copies of
 * communications' tables with all their indexes: an INSERT of the text or call row per SMS and
 * voice webhook, an UPDATE of the call's status per status callback. Visible = committed.
 */
async function measureBaseline(pool: Pool, setup: Setup, options: TelephonyOptions): Promise<MixRun> {
  await pool.query(`CREATE TABLE public.bench_texts (LIKE communications.text_messages INCLUDING ALL)`);
  await pool.query(`CREATE TABLE public.bench_calls (LIKE communications.calls INCLUDING ALL)`);
  const count = Math.round(options.rate * options.baselineSeconds);
  const plan = webhookPlan({ accountSid: setup.accountSid, runId: randomBytes(4).toString('hex'), userNumber: USER_NUMBER, callers: setup.callers, rate: options.rate, ringMs: options.ringMs });
  const kinds = new Array<WebhookKind>(count);
  const inserted = new CallsRung();
  const run = await runPaced(count, options.rate, options.connections, async (index) => {
    const webhook = plan.at(index);
    kinds[index] = webhook.kind;
    const p = webhook.params;
    let sentAt: number | undefined;
    if (webhook.kind === 'sms') {
      await pool.query(
        `INSERT INTO public.bench_texts (account_id, user_id, sid, content, incoming, resource_phone_number, user_phone_number,
           remote_phone_e164, user_phone_e164, sent_at, status, status_rank, status_at)
         VALUES ($1, $2, $3, $4, true, $5, $6, $5, $6, now(), 'received', 4, now())`,
        [setup.accountId, setup.userId, webhook.sid, p.Body, p.From, p.To],
      );
    } else if (webhook.kind === 'voice') {
      const call = inserted.of(webhook.call!);
      try {
        await pool.query(
          `INSERT INTO public.bench_calls (account_id, user_id, sid, external_id, phone_number, remote_phone_e164, user_phone_e164,
             incoming, made_at, status, status_rank, status_at)
           VALUES ($1, $2, $3, $3, $4, $4, $5, true, now(), 'ringing', 3, now())`,
          [setup.accountId, setup.userId, webhook.sid, p.From, p.To],
        );
        call.resolve(Date.now());
      } catch (error) {
        call.reject(error as Error);
        throw error;
      }
    } else {
      await inserted.of(webhook.call!).promise;
      inserted.done(webhook.call!);
      sentAt = performance.now();
      await pool.query(
        `UPDATE public.bench_calls SET status = $3, status_rank = 5, status_at = now(), missed = $4, updated_at = now()
         WHERE account_id = $1 AND sid = $2`,
        [setup.accountId, webhook.sid, webhook.status, webhook.status !== 'in-progress'],
      );
    }
    return sentAt;
  });
  return { run, kinds };
}

/**
 * Each call's voice webhook (or baseline INSERT), by the call's number in the run: settled with
 * Date.now() when it was sent, once answered. Whichever of the voice slot and the status slot
 * gets there first creates it (a status slot may start while its voice slot still waits its turn).
 */
class CallsRung {
  private readonly calls = new Map<number, { promise: Promise<number>; resolve: (sentAt: number) => void; reject: (error: Error) => void }>();

  of(call: number) {
    let entry = this.calls.get(call);
    if (!entry) {
      let resolve!: (sentAt: number) => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<number>((res, rej) => ([resolve, reject] = [res, rej]));
      promise.catch(() => undefined);
      entry = { promise, resolve, reject };
      this.calls.set(call, entry);
    }
    return entry;
  }

  done(call: number): void {
    this.calls.delete(call);
  }
}

/** Answered webhook latencies (ms) of one kind, or all, sorted. */
function answerLatencies(mix: MixRun, kind?: WebhookKind): number[] {
  const values: number[] = [];
  for (let i = 0; i < mix.run.count; i++) {
    if ((kind && mix.kinds[i] !== kind) || !Number.isFinite(mix.run.doneAt[i])) continue;
    values.push(mix.run.doneAt[i] - mix.run.sentAt[i]);
  }
  return values.sort((a, b) => a - b);
}

/** Send -> visible latencies (ms) of the SMS, the status callbacks, or both, sorted; one never seen is Infinity. */
function visibleLatencies(system: SystemRun, which: 'sms' | 'status' | 'all'): number[] {
  const values: number[] = [];
  for (let i = 0; i < system.run.count; i++) {
    const kind = system.kinds[i];
    if (kind === 'voice' || !Number.isFinite(system.run.doneAt[i]) || (which !== 'all' && kind !== which)) continue;
    const seen = (kind === 'sms' ? system.texts : system.calls).seenAt[i];
    values.push(Number.isFinite(seen) ? seen - system.run.sentAt[i] : Infinity);
  }
  return values.sort((a, b) => a - b);
}

function countKind(mix: MixRun, kind: WebhookKind): number {
  return mix.kinds.filter((k, i) => k === kind && Number.isFinite(mix.run.doneAt[i])).length;
}

/** A row of measure.ts's table from latencies (ms) over a window. */
function figures(name: string, latencies: number[], errors: number, seconds: number): Figures {
  const finite = latencies.filter(Number.isFinite);
  return {
    name,
    requests: finite.length,
    errors: errors + latencies.length - finite.length,
    rps: finite.length / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
  };
}

function reportWebhooks(options: TelephonyOptions, baseline: MixRun, system: SystemRun): void {
  const sys = pacing(system.run, options.rate);
  const base = pacing(baseline.run, options.rate);
  const seconds = (mix: MixRun) => (mix.run.finishedAt - mix.run.startedAt) / 1000;
  out(
    `\ntelephony benchmark, part 1: signed webhooks offered at ${options.rate}/s for ${options.seconds} s (${system.run.count}); ` +
      `${system.run.sent} sent before the window closed; ${countKind(system, 'sms')} SMS, ${countKind(system, 'voice')} voice and ` +
      `${countKind(system, 'status')} status callbacks answered (each ${options.ringMs} ms = ${system.lagCalls} calls after its voice webhook); ` +
      `at most ${options.connections} in flight; ` +
      `baseline: the same mix as plain SQL for ${options.baselineSeconds} s`,
  );
  out(
    `achieved: ${sys.perSecond.toFixed(0)} webhooks/s answered (slowest second ${sys.slowestSecond}), ` +
      `started late by p50 ${ms(sys.lagP50)} p99 ${ms(sys.lagP99)} behind the schedule; ` +
      `baseline ${base.perSecond.toFixed(0)}/s (slowest second ${base.slowestSecond}, late p99 ${ms(base.lagP99)})` +
      (system.run.failed > 0 ? `; ${system.run.failed} webhooks FAILED, first: ${system.run.firstError}` : '') +
      (baseline.run.failed > 0 ? `; ${baseline.run.failed} baseline statements FAILED, first: ${baseline.run.firstError}` : ''),
  );
  if (sys.perSecond < 0.9 * options.rate) {
    out(
      `the system did NOT keep up with ${options.rate}/s: webhooks waited for one of the ${options.connections} connections, and the ` +
        `latencies below are mostly queueing (see each stage's pace below)`,
    );
  }
  const sql = figures('plain SQL: INSERT/UPDATE per webhook (pg)', answerLatencies(baseline), baseline.run.failed, seconds(baseline));
  const window = seconds(system);
  printTable([
    sql,
    { ...figures('POST /webhooks/twilio/* answered (all)', answerLatencies(system), system.run.failed, window), baseline: sql },
    ...(['sms', 'voice', 'status'] as const).map((kind) => ({
      ...figures(`  ${kind}`, answerLatencies(system, kind), 0, window),
      baseline: figures('', answerLatencies(baseline, kind), 0, seconds(baseline)),
    })),
    { ...figures('SMS sent -> in text_messages list', visibleLatencies(system, 'sms'), 0, window), baseline: sql },
    { ...figures('status sent -> in calls list', visibleLatencies(system, 'status'), 0, window), baseline: sql },
    { ...figures('webhook sent -> visible (both)', visibleLatencies(system, 'all'), 0, window), baseline: sql },
  ]);
  const all = visibleLatencies(system, 'all');
  out(
    `(errors in the visible rows: never shown within ${options.drainMs / 1000} s of the previous one; ${system.backlog} not yet visible when the last webhook was answered; ` +
      `the watchers poll every ${options.pollMs} ms, which adds up to that much to each latency)`,
  );
  out(
    `watchers: text_messages ${system.texts.requests} requests (mean ${system.texts.meanRequestMs.toFixed(0)} ms, deepest page ${system.texts.deepestPage}), ` +
      `calls ${system.calls.requests} requests (mean ${system.calls.meanRequestMs.toFixed(0)} ms, deepest page ${system.calls.deepestPage}); ` +
      `max webhook -> visible ${ms(all.at(-1))}`,
  );
}

/**
 * Where the time went, per SMS and status callback, from the services' own timestamps (one
 * clock: the machine's): sent by the client -> stored by telephony (webhook_log.received_at, the
 * transaction that also writes the outbox row) -> published to JetStream (outbox.published_at) ->
 * stored by communications (text_messages.created_at / calls.updated_at) -> seen in the list.
 */
async function printStages(pool: Pool, setup: Setup, system: SystemRun, options: TelephonyOptions): Promise<void> {
  const { rows } = await pool.query<{ key: string; stored: number; published: number; filed: number }>(
    `SELECT w.sid AS key, extract(epoch FROM w.received_at) * 1000 AS stored, extract(epoch FROM o.published_at) * 1000 AS published,
            extract(epoch FROM c.created_at) * 1000 AS filed
     FROM telephony.webhook_log w
     JOIN telephony.outbox o ON o.payload->>'messageSid' = w.sid
     JOIN communications.text_messages c ON c.account_id = $1 AND c.sid = w.sid
     WHERE w.kind = 'sms' AND w.account_id = $1
     UNION ALL
     SELECT w.sid || ':' || w.event, extract(epoch FROM w.received_at) * 1000, extract(epoch FROM o.published_at) * 1000,
            extract(epoch FROM c.updated_at) * 1000
     FROM telephony.webhook_log w
     JOIN telephony.outbox o ON o.payload->>'callSid' = w.sid AND o.payload->>'status' = w.event
     JOIN communications.calls c ON c.account_id = $1 AND c.sid = w.sid
     WHERE w.kind = 'status' AND w.account_id = $1`,
    [setup.accountId],
  );
  const gaps: Record<'received' | 'published' | 'filed' | 'seen', number[]> = { received: [], published: [], filed: [], seen: [] };
  for (const row of rows) {
    const index = system.keys.get(row.key);
    if (index === undefined || system.kinds[index] === 'voice') continue;
    const seenAt = (system.kinds[index] === 'sms' ? system.texts : system.calls).seenAt[index];
    gaps.received.push(Number(row.stored) - system.run.sentEpoch[index]);
    gaps.published.push(Number(row.published) - Number(row.stored));
    gaps.filed.push(Number(row.filed) - Number(row.published));
    if (Number.isFinite(seenAt)) gaps.seen.push(performance.timeOrigin + seenAt - Number(row.filed));
  }
  // Each stage's pace: its items over the span of its timestamps (the slowest stage limits the run).
  const spans = { stored: [Infinity, -Infinity], published: [Infinity, -Infinity], filed: [Infinity, -Infinity] };
  for (const row of rows) {
    if (!system.keys.has(row.key)) continue;
    for (const stage of ['stored', 'published', 'filed'] as const) {
      const at = Number(row[stage]);
      spans[stage] = [Math.min(spans[stage][0], at), Math.max(spans[stage][1], at)];
    }
  }
  const pace = (stage: keyof typeof spans) => {
    const seconds = (spans[stage][1] - spans[stage][0]) / 1000;
    return `${(gaps.received.length / seconds).toFixed(0)}/s over ${seconds.toFixed(1)} s`;
  };
  const line = (label: string, values: number[], stage?: keyof typeof spans) => {
    values.sort((a, b) => a - b);
    return `  ${label.padEnd(64)} p50 ${ms(quantile(values, 0.5)).padStart(8)}  p99 ${ms(quantile(values, 0.99)).padStart(8)}${stage ? `   ${pace(stage)}` : ''}`;
  };
  out(`\nwhere the time went (${gaps.received.length} SMS and status callbacks, the services' timestamps; each stage's pace):`);
  out(line('sent -> stored by telephony (gateway, NATS request, transaction)', gaps.received, 'stored'));
  out(line('stored -> published (telephony outbox relay, JetStream ack)', gaps.published, 'published'));
  out(line('published -> stored by communications (consumer, matching)', gaps.filed, 'filed'));
  out(line('stored by communications -> seen by the watcher (poll interval)', gaps.seen));
  // Compared with the pace the same items were sent at: a stage that kept less is where the backlog grew.
  const sent = [Infinity, -Infinity];
  for (const index of system.keys.values()) {
    const at = system.run.sentEpoch[index];
    if (Number.isFinite(at)) [sent[0], sent[1]] = [Math.min(sent[0], at), Math.max(sent[1], at)];
  }
  const sentPace = gaps.received.length / ((sent[1] - sent[0]) / 1000);
  const slowest = Math.min(...(['stored', 'published', 'filed'] as const).map((stage) => gaps.received.length / ((spans[stage][1] - spans[stage][0]) / 1000)));
  if (slowest < 0.9 * sentPace) {
    out(
      `  the slowest stage kept ${slowest.toFixed(0)} of the ${sentPace.toFixed(0)}/s sent: ` +
        `--rate=${Math.max(1, Math.floor((pacing(system.run, options.rate).perSecond * slowest) / sentPace / 2))} ` +
        `(half that, all webhooks counted) measures the latencies without a backlog`,
    );
  }
}

function printCpu(system: SystemRun): void {
  const { cpu, watchersAlone, watcherRequests, idle } = system;
  out(`CPU from the first webhook until all were visible, ${cpu.seconds.toFixed(0)} s (cores of ${availableParallelism()}, 1.0 = one core busy):`);
  out(`  ${Object.entries(cpu.cores).map(([name, cores]) => `${name} ${cores.toFixed(2)}`).join(', ')}`);
  // CPU ms one watcher request costs each process: the polling on its own, less the idle services' background loops.
  const perRequest = (name: string) => ((watchersAlone.cores[name] - idle.cores[name]) * watchersAlone.seconds * 1000) / Math.max(1, watchersAlone.requests);
  const answered = system.run.sent - system.run.failed;
  // nats-server and the WAL writer serve every run on the machine: their share per webhook would be noise.
  const perWebhook = [...SERVICES, 'postgres'].map((name) => {
    const used = (cpu.cores[name] - idle.cores[name]) * cpu.seconds * 1000 - Math.max(0, perRequest(name)) * watcherRequests;
    return `${name} ${(used / answered).toFixed(1)}`;
  });
  out(`  ms of CPU per webhook, less the watchers' ${watcherRequests} requests and the idle background: ${perWebhook.join(', ')}`);
  out(
    `  the watchers alone (page 1 of each list every poll, ${watchersAlone.seconds.toFixed(0)} s, ${watchersAlone.requests} requests), ms of CPU per request: ` +
      ['gateway', 'communications', 'postgres'].map((name) => `${name} ${perRequest(name).toFixed(1)}`).join(', '),
  );
}

interface ListFigures {
  label: string;
  sql: Figures;
  http: Figures;
  plan: string;
}

/**
 * Part 2: the seeded Communication Center lists through the gateway against their SQL through
 * `pg` (the statements communications' PhoneCenterListsRepository writes, page 1 of 25 + 1; the
 * counts read the row the triggers keep, after a check against a recount).
 */
async function measureLists(pool: Pool, stack: ProcessStack, setup: Setup, options: TelephonyOptions): Promise<ListFigures[]> {
  out(`\ntelephony benchmark, part 2: seeding ${options.rows} calls and text messages of the user with COPY`);
  const seeded = await seedPhoneCenter(pool, { accountId: setup.accountId, userId: setup.userId, userNumber: USER_NUMBER, rows: options.rows }, (done) =>
    process.stdout.write(`\rseeded ${done} rows`),
  );
  process.stdout.write(` in ${seeded.seconds.toFixed(1)} s (COPY with every index, then VACUUM ANALYZE)\n`);
  const { rows: shape } = await pool.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM communications.calls WHERE account_id = $1 AND user_id = $2 AND sid IS NOT NULL) AS calls,
            (SELECT count(*)::int FROM communications.text_messages WHERE account_id = $1 AND user_id = $2 AND sid IS NOT NULL) AS texts`,
    [setup.accountId, setup.userId],
  );
  const own = 'account_id = $1 AND user_id = $2 AND sid IS NOT NULL';
  const page = (table: string, date: string, where: string) =>
    `SELECT * FROM communications.${table} WHERE ${own} AND ${where} ORDER BY ${date} DESC NULLS LAST, id DESC LIMIT 26`;
  const shown = '(resource_type IS NOT NULL OR ignored_at IS NULL)';
  const unmatched = 'resource_type IS NULL AND ignored_at IS NULL';
  // What the counts were before they were kept: checked against the kept row, which is what the API reads.
  const recount = `SELECT
      (SELECT count(*)::int FROM communications.calls WHERE ${own} AND missed AND ${shown}) AS missed_calls,
      (SELECT count(*)::int FROM communications.text_messages WHERE ${own} AND incoming AND read_at IS NULL AND ${shown}) AS unread_text_messages,
      (SELECT count(*)::int FROM communications.calls WHERE ${own} AND ${unmatched}) AS unmatched_calls,
      (SELECT count(*)::int FROM communications.text_messages WHERE ${own} AND ${unmatched}) AS unmatched_text_messages`;
  const counts = `SELECT missed_calls, unread_text_messages, unmatched_calls, unmatched_text_messages
    FROM communications.phone_center_counters WHERE account_id = $1 AND user_id = $2`;
  const params = [setup.accountId, setup.userId];
  const { rows: [counted] } = await pool.query<Record<string, number>>(recount, params);
  const { rows: [kept] } = await pool.query<Record<string, number>>(counts, params);
  const agree = JSON.stringify(kept) === JSON.stringify(counted);
  out(
    `the user's Communication Center: ${shape[0].calls} calls, ${shape[0].texts} text messages; ` +
      Object.entries(counted).map(([name, n]) => `${name} ${n}`).join(', ') +
      (agree ? ' (the kept counters agree with a recount)' : `; the kept counters DIFFER: ${JSON.stringify(kept)}`),
  );
  if (!agree) throw new Error('the phone center counters differ from a recount of the seeded rows');

  const phases: [string, string, string][] = [
    ['unmatched calls', page('calls', 'made_at', unmatched), '/v2/communications/calls?matched=false'],
    ['missed calls', page('calls', 'made_at', `missed AND ${shown}`), '/v2/communications/calls?missed=true'],
    ['unmatched texts', page('text_messages', 'sent_at', unmatched), '/v2/communications/text_messages?matched=false'],
    ['counts', counts, '/v2/communications/counts'],
  ];
  const results: ListFigures[] = [];
  for (const [label, sql, url] of phases) {
    const sqlFigures = await measureLoop(`${label}: SQL (pg)`, options.listConnections, DURATION_MS, () => pool.query(sql, params));
    const http = await measureHttp(`${label}: GET ${url.slice(3)}`, {
      url: `${stack.gatewayUrl}${url}`,
      connections: options.listConnections,
      durationMs: DURATION_MS,
      headers: setup.auth,
    });
    results.push({ label, sql: sqlFigures, http, plan: await planOf(pool, sql, params) });
  }
  out(`\n${options.listConnections} connections, ${DURATION_MS / 1000} s per phase`);
  printTable(results.flatMap((r) => [r.sql, { ...r.http, baseline: r.sql }]));
  out('\np95 API vs SQL, and the plan Postgres chose:');
  for (const r of results) out(`  ${r.label.padEnd(16)} ${ms(r.http.p95).padStart(7)} vs ${ms(r.sql.p95).padStart(7)}   ${r.plan}`);
  return results;
}

/** The scans of a statement's plan, with the index each uses and the rows it read, and the execution time. */
async function planOf(pool: Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
  const [{ Plan, 'Execution Time': time }] = rows[0]['QUERY PLAN'];
  const scans: string[] = [];
  const visit = (node: PlanNode) => {
    if (node['Node Type'].includes('Scan')) {
      const buffers = (node['Shared Hit Blocks'] ?? 0) + (node['Shared Read Blocks'] ?? 0);
      // A parallel scan reports rows per process: times its loops.
      const rows = node['Actual Rows'] * (node['Actual Loops'] ?? 1);
      scans.push(`${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''} (${rows} rows, ${buffers} buffers)`);
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(Plan);
  return `${scans.join('; ')}; ${time.toFixed(1)} ms`;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

function apiOf(gatewayUrl: string, auth: { Authorization: string }) {
  return async (method: string, url: string, data: object): Promise<Record<string, unknown>> => {
    const response = await fetch(`${gatewayUrl}${url}`, { method, headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ data }) });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: Record<string, unknown> }).data;
  };
}

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : 'never';
}
