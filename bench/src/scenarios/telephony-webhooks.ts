import { quantile } from '../measure';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
// The signing function alone: the SDK's index loads every REST resource, which the client's CPU would pay for.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

export type WebhookKind = 'sms' | 'voice' | 'status';

/** One webhook as Twilio would send it: the kind, the form parameters, and what becomes visible when it is handled. */
export interface Webhook {
  kind: WebhookKind;
  params: Record<string, string>;
  /** MessageSid or CallSid. */
  sid: string;
  /** For a call: its number in the run (its voice webhook and its status callback share it). */
  call?: number;
  /** For a status callback: the status the call must show once it is handled. */
  status?: CallStatus;
}

type CallStatus = 'in-progress' | 'no-answer' | 'completed';
/** What the status callbacks report, in turn: answered (not missed), no answer (missed), hung up while ringing (missed). */
const STATUSES: CallStatus[] = ['in-progress', 'no-answer', 'completed'];

export interface WebhookPlanOptions {
  accountSid: string;
  /** Unique per run, in every sid. */
  runId: string;
  /** The user's Twilio number (the To of every webhook). */
  userNumber: string;
  /** Callers; the first half belong to leads (their texts and calls are matched), the rest to nobody. */
  callers: string[];
  /** Webhooks per second offered, to place each status callback about `ringMs` after its call's voice webhook. */
  rate: number;
  ringMs: number;
}

/**
 * The mix, in slots of four: two inbound SMS (a new MessageSid each), the voice webhook of a new
 * inbound call (ringing), and the status callback of the call that started `ringMs` earlier
 * (answered, no answer, or hung up while ringing, in turn). The first status slots, before any
 * call has rung that long, carry SMS too. So half the webhooks are SMS, a quarter voice, a quarter status.
 */
export function webhookPlan(options: WebhookPlanOptions): { at: (index: number) => Webhook; lagCalls: number } {
  const lagCalls = Math.max(1, Math.round(((options.ringMs / 1000) * options.rate) / 4));
  const common = { AccountSid: options.accountSid, ApiVersion: '2010-04-01', To: options.userNumber, ToCountry: 'US', FromCountry: 'US' };
  const callSid = (call: number) => `CA${options.runId}${call.toString(16).padStart(24, '0')}`;
  const caller = (n: number) => options.callers[n % options.callers.length];
  const sms = (index: number): Webhook => {
    const sid = `SM${options.runId}${index.toString(16).padStart(24, '0')}`;
    const from = caller(index);
    return {
      kind: 'sms',
      sid,
      params: {
        ...common,
        MessageSid: sid,
        SmsSid: sid,
        SmsMessageSid: sid,
        From: from,
        Body: `Hi, it's ${from}: is the offer from Tuesday still valid? Call me back please (${index}).`,
        NumMedia: '0',
        NumSegments: '1',
        SmsStatus: 'received',
      },
    };
  };
  const call = (n: number) => ({ ...common, CallSid: callSid(n), From: caller(n), Caller: caller(n), Called: options.userNumber, Direction: 'inbound' });
  return {
    lagCalls,
    at(index) {
      const slot = index % 4;
      const n = Math.floor(index / 4);
      if (slot === 2) return { kind: 'voice', sid: callSid(n), call: n, params: { ...call(n), CallStatus: 'ringing' } };
      if (slot === 3 && n >= lagCalls) {
        const target = n - lagCalls;
        const status = STATUSES[target % STATUSES.length];
        const params: Record<string, string> = { ...call(target), CallStatus: status, CallbackSource: 'call-progress-events', SequenceNumber: '0' };
        if (status === 'completed') params.CallDuration = '4';
        return { kind: 'status', sid: callSid(target), call: target, status, params };
      }
      return sms(index);
    },
  };
}

/**
 * Posts webhooks to the gateway as Twilio does: form-encoded, signed with
 * X-Twilio-Signature = base64(HMAC-SHA1(auth token, PUBLIC_URL + path + sorted parameters)).
 * Plain node:http with keep-alive (Twilio keeps connections too), at most `connections` at once.
 */
export class WebhookClient {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(
    gatewayUrl: string,
    private readonly publicUrl: string,
    private readonly authToken: string,
    connections: number,
  ) {
    this.url = new URL(gatewayUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Resolves with the status code (and body if not 200). */
  post(webhook: Webhook): Promise<{ status: number; body: string }> {
    const path = `/webhooks/twilio/${webhook.kind}`;
    const signature = getExpectedTwilioSignature(this.authToken, `${this.publicUrl}${path}`, webhook.params);
    const body = new URLSearchParams(webhook.params).toString();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': Buffer.byteLength(body),
            'X-Twilio-Signature': signature,
            'User-Agent': 'TwilioProxy/1.1',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: res.statusCode === 200 ? '' : Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface PacedRun {
  /** performance.now() when each item was sent (NaN: never sent, the window closed first), by index. */
  sentAt: Float64Array;
  /** The same moment as Date.now(), to compare with the database's timestamps. */
  sentEpoch: Float64Array;
  /** performance.now() when it completed; NaN when it failed or was never sent. */
  doneAt: Float64Array;
  startedAt: number;
  finishedAt: number;
  /** Items offered (rate x window), and how many of them were sent. */
  count: number;
  sent: number;
  failed: number;
  firstError?: string;
}

/**
 * Item i no earlier than i / rate seconds after the start, from `concurrency` loops (the most in
 * flight at once), for `count / rate` seconds: when answers are slower than concurrency / rate
 * allows, items start late (the lag behind the schedule is reported) and those not started when
 * the window closes are never sent, so the run lasts as long as asked whatever the system takes.
 * Latencies count from the moment an item is sent: `work` may return that moment
 * (performance.now()) when it first waits for something else.
 */
export async function runPaced(count: number, rate: number, concurrency: number, work: (index: number) => Promise<number | void>): Promise<PacedRun> {
  const sentAt = new Float64Array(count).fill(NaN);
  const sentEpoch = new Float64Array(count).fill(NaN);
  const doneAt = new Float64Array(count).fill(NaN);
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const startedAt = performance.now();
  const closesAt = startedAt + (count * 1000) / rate;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && performance.now() < closesAt) {
        const index = next++;
        const due = startedAt + (index * 1000) / rate - performance.now();
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
        sentAt[index] = performance.now();
        try {
          const sent = await work(index);
          if (typeof sent === 'number') sentAt[index] = sent;
          doneAt[index] = performance.now();
        } catch (error) {
          failed++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
        sentEpoch[index] = performance.timeOrigin + sentAt[index];
      }
    }),
  );
  return { sentAt, sentEpoch, doneAt, startedAt, finishedAt: performance.now(), count, sent: next, failed, firstError };
}

/** Completed items per second over the run, the slowest whole second, and how late items started (p50/p99, ms). */
export function pacing(run: PacedRun, rate: number): { perSecond: number; slowestSecond: number; lagP50: number; lagP99: number } {
  const seconds = (run.finishedAt - run.startedAt) / 1000;
  const buckets = new Array<number>(Math.ceil(seconds)).fill(0);
  const lags: number[] = [];
  for (let i = 0; i < run.count; i++) {
    if (Number.isFinite(run.doneAt[i])) buckets[Math.floor((run.doneAt[i] - run.startedAt) / 1000)]++;
    if (Number.isFinite(run.sentAt[i])) lags.push(run.sentAt[i] - (run.startedAt + (i * 1000) / rate));
  }
  const whole = buckets.slice(0, Math.floor(seconds));
  lags.sort((a, b) => a - b);
  return {
    perSecond: (run.sent - run.failed) / seconds,
    slowestSecond: whole.length > 0 ? Math.min(...whole) : NaN,
    lagP50: quantile(lags, 0.5),
    lagP99: quantile(lags, 0.99),
  };
}

