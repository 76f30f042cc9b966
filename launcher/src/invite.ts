import 'reflect-metadata';
import { invitationUrl, OperatorInvitationReply, SignInRequests } from '@crm/contracts';
import { InProcessBus, InProcessClient, loadEnvOrExit, PrefixedNatsClient, RpcClient } from '@crm/platform';
import { recordsService } from '@crm/records';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { EmbeddedEnv } from './launcher-env';
import { publicUrlOf } from './web-root';

const USAGE = 'usage: npm run invite -- <email> [account id]\n';

/**
 * `npm run invite -- <email>`: prints a fresh invitation link for that user, to choose a new
 * password in the web app (someone forgot theirs; the link replaces it and ends their sessions).
 * Older links of the user stop working. Three ways to reach records, whichever fits:
 * - NATS_URL set (distributed): ask the running records service;
 * - the embedded CRM is running on PORT (its PGlite database cannot be opened twice): ask its
 *   API as the admin, with the token first start saved in DATA_DIR/admin-token;
 * - otherwise: start records in this process on the database (DATABASE_URL, or PGlite in
 *   DATA_DIR), ask it, and stop.
 */
async function invite(): Promise<void> {
  const env = loadEnvOrExit(EmbeddedEnv);
  const [email, account] = process.argv.slice(2);
  const accountId = account === undefined ? undefined : Number(account);
  if (!email || (accountId !== undefined && !Number.isSafeInteger(accountId))) {
    process.stderr.write(USAGE);
    process.exit(64);
  }
  const publicUrl = publicUrlOf(env);
  const link = env.NATS_URL
    ? await viaNats(env.NATS_URL, env.NATS_SUBJECT_PREFIX, email, accountId, publicUrl)
    : ((await viaRunningApi(env.PORT, env.DATA_DIR, email)) ?? (await viaOwnRecords(env, email, accountId, publicUrl)));
  process.stdout.write(`Invitation for ${email} (valid 7 days, single use; older links stop working):\n${link}\n`);
}

function linkOf(reply: OperatorInvitationReply, publicUrl: string): string {
  return invitationUrl(publicUrl, reply.invitation!.token);
}

async function viaNats(natsUrl: string, prefix: string, email: string, accountId: number | undefined, publicUrl: string): Promise<string> {
  const rpc = new RpcClient(new PrefixedNatsClient({ servers: natsUrl.split(','), prefix, name: 'invite' }));
  try {
    return linkOf(await rpc.request(SignInRequests.IssueOperatorInvitation, { email, accountId }), publicUrl);
  } finally {
    await rpc.close();
  }
}

/** Undefined when nothing answers on the port (the CRM is not running). */
async function viaRunningApi(port: number, dataDir: string, email: string): Promise<string | undefined> {
  const base = `http://127.0.0.1:${port}`;
  const running = await fetch(`${base}/health/live`).then((response) => response.ok, () => false);
  if (!running) return undefined;
  const tokenFile = path.resolve(dataDir, 'admin-token');
  if (!existsSync(tokenFile)) {
    throw new Error(`the CRM is running on port ${port} but ${tokenFile} is missing: stop it and run npm run invite again`);
  }
  const headers = { Authorization: `Bearer ${readFileSync(tokenFile, 'utf8').trim()}`, 'Content-Type': 'application/json' };
  const users = await call<{ items: { data: { id: number } }[] }>(fetch(`${base}/v2/users?email=${encodeURIComponent(email)}`, { headers }));
  if (users.items.length === 0) throw new Error(`no user with the email ${email}`);
  const issued = await call<{ data: { invitation_url: string } }>(
    fetch(`${base}/v2/users/${users.items[0].data.id}/invitation`, { method: 'POST', headers }),
  );
  return issued.data.invitation_url;
}

async function call<T>(pending: Promise<Response>): Promise<T> {
  const response = await pending;
  const body = (await response.json()) as T & { errors?: { error: { message: string } }[] };
  if (!response.ok) throw new Error(body.errors?.map((e) => e.error.message).join('; ') ?? `HTTP ${response.status}`);
  return body;
}

async function viaOwnRecords(env: EmbeddedEnv, email: string, accountId: number | undefined, publicUrl: string): Promise<string> {
  const postgres = env.DATABASE_URL ? undefined : await startEmbeddedPostgres(env.DATA_DIR);
  const bus = new InProcessBus({ closed: true });
  try {
    const records = await recordsService.start(
      {
        service: 'records',
        mode: 'embedded',
        databaseUrl: env.DATABASE_URL ?? postgres!.url,
        bus,
        subjectPrefix: '',
        logLevel: 'warn',
        databasePoolSize: 2,
        migrateOnStart: true,
        settings: {},
      },
      {},
    );
    bus.open();
    const rpc = new RpcClient(new InProcessClient(bus));
    try {
      return linkOf(await rpc.request(SignInRequests.IssueOperatorInvitation, { email, accountId }), publicUrl);
    } finally {
      await rpc.close();
      await records.close();
    }
  } finally {
    await postgres?.stop();
  }
}

invite().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
