import { EVENTS_STREAM } from '@crm/contracts';
import { ProcessStack, startProcessStack, TEST_NATS_URL } from '@crm/testing';
import { connect } from 'nats';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { eventually } from './mail-helpers';

export interface MailProcessStack {
  stack: ProcessStack;
  smtpPort: number;
  auth: { Authorization: string };
  /** The account admin's address: mail from it counts as sent by a user of the account. */
  adminEmail: string;
  /** The account's global BCC address. */
  bcc: string;
}

/** Records, distribution, communications, mail-ingest and gateway as processes, with one account. */
export async function startMailProcessStack(): Promise<MailProcessStack> {
  const stack = await startProcessStack(path.resolve(__dirname, '../../..'), ['records', 'distribution', 'communications', 'mail-ingest', 'gateway']);
  try {
    const { auth } = await stack.createAccount();
    const adminEmail: string = (await request(stack.gatewayUrl).get('/v2/users/self').set(auth).expect(200)).body.data.email;
    const bcc: string = await eventually(async () => (await request(stack.gatewayUrl).get('/v2/bcc_address').set(auth)).body.data?.email);
    return { stack, smtpPort: stack.smtpPorts['mail-ingest'], auth, adminEmail, bcc };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/**
 * What a service's durable consumer still owes: messages not yet delivered and deliveries not
 * yet acknowledged. Both zero means JetStream will deliver nothing more to it.
 */
export async function consumerBacklog(stack: ProcessStack, durable: string): Promise<{ pending: number; ackPending: number }> {
  const tag = (stack.env.NATS_SUBJECT_PREFIX ?? '').replace(/[^A-Za-z0-9_-]/g, '');
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const info = await (await nc.jetstreamManager()).consumers.info(`${tag}_${EVENTS_STREAM}`, durable);
    return { pending: info.num_pending, ackPending: info.num_ack_pending };
  } finally {
    await nc.close();
  }
}

/** How many raw messages mail-ingest has stored, in any account. */
export async function rawMessageCount(stack: ProcessStack): Promise<number> {
  const client = new Client({ connectionString: stack.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM mail_ingest.raw_messages');
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

/** Whether `command --version` runs on this machine. */
export function installed(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Run a program outside the jest process; resolves with its exit code and output (never rejects on a non-zero exit). */
export function runCommand(command: string, args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'pipe', timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
