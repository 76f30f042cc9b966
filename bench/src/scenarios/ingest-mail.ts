import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SmtpClient, SmtpReplyError } from './smtp-client';

export type MailKind = 'plain' | 'forwarded' | 'attachment';
const KINDS: MailKind[] = ['plain', 'forwarded', 'attachment'];

export interface MailPlan {
  /** The admin user's address: the sender of every message, as a user Bcc'ing the CRM. */
  userEmail: string;
  bccAddress: string;
  /** Distinct outside addresses the messages are about; contacts are created for the first copy, matched after. */
  customers: number;
  /** Unique per run, in every Message-ID, so a rerun on the same account never deduplicates. */
  runId: string;
}

export interface BenchMessage {
  index: number;
  kind: MailKind;
  /** Without angle brackets, as the API shows it. */
  messageId: string;
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

const CRLF = '\r\n';
const ATTACHMENT_BYTES = 100 * 1024;

/**
 * The message mix of the ingest benchmark, one third each: a plain message from the user to a
 * customer with the BCC address in Bcc; a customer's message forwarded by the user to the BCC
 * address (Gmail's "Forwarded message" block); and the plain kind with a 100 KB attachment.
 * The MIME text is written here rather than by nodemailer's composer, so the client spends its
 * CPU on SMTP rather than on base64; the attachment part is built once and shared.
 */
export function messageFactory(plan: MailPlan): (index: number) => BenchMessage {
  const attachmentPart = Buffer.from(attachmentBody(), 'latin1');
  return (index) => {
    const kind = KINDS[index % KINDS.length];
    const messageId = `bench-${plan.runId}-${index}@sender.bench`;
    const n = index % plan.customers;
    const customer = { name: `Customer ${n}`, email: `customer-${n}@customer.bench` };
    const common = [`From: Ada Admin <${plan.userEmail}>`, `Date: ${new Date().toUTCString()}`, `Message-ID: <${messageId}>`, 'MIME-Version: 1.0'];
    let head: string[];
    let body: Buffer;
    if (kind === 'forwarded') {
      head = [...common, `To: ${plan.bccAddress}`, `Subject: Fwd: Question ${index}`, 'Content-Type: text/plain; charset=utf-8'];
      body = Buffer.from(
        [
          'Please file this one.',
          '',
          '---------- Forwarded message ---------',
          `From: ${customer.name} <${customer.email}>`,
          'Date: Mon, 23 Nov 2026 at 10:00',
          `Subject: Question ${index}`,
          `To: ${plan.userEmail}`,
          '',
          `What does the premium plan cost for ${index % 50} seats? ${FILLER}`,
          '',
        ].join(CRLF),
      );
    } else {
      const text = `Hello ${customer.name},${CRLF}${CRLF}here is our offer ${index}. ${FILLER}${CRLF}`;
      head = [...common, `To: ${customer.name} <${customer.email}>`, `Subject: Offer ${index}`];
      if (kind === 'plain') {
        head.push('Content-Type: text/plain; charset=utf-8');
        body = Buffer.from(text);
      } else {
        head.push(`Content-Type: multipart/mixed; boundary="${BOUNDARY}"`);
        body = Buffer.concat([
          Buffer.from(`--${BOUNDARY}${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${text}${CRLF}`),
          attachmentPart,
        ]);
      }
    }
    return {
      index,
      kind,
      messageId,
      envelope: { from: plan.userEmail, to: [plan.bccAddress] },
      raw: Buffer.concat([Buffer.from(head.join(CRLF) + CRLF + CRLF), body]),
    };
  };
}

const BOUNDARY = 'bench-boundary-8f2e';
const FILLER = 'We can start next week; the price includes onboarding and support for the first year. '.repeat(4);

function attachmentBody(): string {
  const base64 = randomBytes(ATTACHMENT_BYTES).toString('base64').replace(/.{76}/g, `$&${CRLF}`);
  return [
    `--${BOUNDARY}`,
    'Content-Type: application/pdf; name="offer.pdf"',
    'Content-Disposition: attachment; filename="offer.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    base64,
    `--${BOUNDARY}--`,
    '',
  ].join(CRLF);
}

export interface SendResult {
  /** performance.now() of each message's 250, by index; NaN for a message that was refused. */
  acceptedAt: Float64Array;
  /** Each message's kind, by index. */
  kinds: MailKind[];
  startedAt: number;
  finishedAt: number;
  accepted: number;
  refused: number;
  firstError?: string;
}

/** A real sender's MTA reconnects now and then; nodemailer's pool default is 100 messages per connection. */
const MESSAGES_PER_CONNECTION = 100;

/**
 * Send `count` messages over `connections` parallel SMTP connections, one message in flight per
 * connection, recording when each 250 arrives: as fast as the server answers, or, with
 * `ratePerSecond`, message i no earlier than i / rate seconds after the start (a steady offered
 * load, for latency below saturation). Messages are built just before they are sent, so memory
 * stays flat whatever `count` is.
 */
export async function sendMessages(
  port: number,
  connections: number,
  count: number,
  build: (index: number) => BenchMessage,
  ratePerSecond?: number,
): Promise<SendResult> {
  const acceptedAt = new Float64Array(count).fill(NaN);
  const kinds = new Array<MailKind>(count);
  let next = 0;
  let refused = 0;
  let firstError: string | undefined;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      let client: SmtpClient | undefined;
      let sentOnConnection = 0;
      while (next < count) {
        const index = next++;
        if (ratePerSecond) {
          const due = startedAt + (index * 1000) / ratePerSecond - performance.now();
          if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
        }
        const message = build(index);
        kinds[message.index] = message.kind;
        try {
          if (!client || sentOnConnection === MESSAGES_PER_CONNECTION) {
            await client?.close();
            client = await SmtpClient.open(port);
            sentOnConnection = 0;
          }
          sentOnConnection++;
          await client.send(message.envelope.from, message.envelope.to, message.raw);
          acceptedAt[message.index] = performance.now();
        } catch (error) {
          refused++;
          firstError ??= error instanceof Error ? error.message : String(error);
          // A refusal leaves the connection usable; a broken connection is replaced.
          if (!(error instanceof SmtpReplyError)) client = undefined;
        }
      }
      await client?.close();
    }),
  );
  const finishedAt = performance.now();
  return { acceptedAt, kinds, startedAt, finishedAt, accepted: count - refused, refused, firstError };
}

export interface Rate {
  /** Accepted messages over the whole sending window, per second. */
  mean: number;
  /** The slowest whole second of the window (the last, partial second left out). */
  lowestSecond: number;
}

export function acceptRate(result: SendResult): Rate {
  const seconds = (result.finishedAt - result.startedAt) / 1000;
  const buckets = new Array<number>(Math.ceil(seconds)).fill(0);
  for (const at of result.acceptedAt) if (Number.isFinite(at)) buckets[Math.floor((at - result.startedAt) / 1000)]++;
  const whole = buckets.slice(0, Math.floor(seconds));
  return { mean: result.accepted / seconds, lowestSecond: whole.length > 0 ? Math.min(...whole) : NaN };
}
