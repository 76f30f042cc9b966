import 'reflect-metadata';
import { RecordsRequests } from '@crm/contracts';
import { loadEnvOrExit, PrefixedNatsClient, RpcClient } from '@crm/platform';
import { EmbeddedEnv } from './launcher-env';

/**
 * `npm run create-account -- "<account name>" <admin email>` against running distributed services
 * (NATS_URL): creates an account with its admin and prints the admin's API token once.
 */
async function createAccount(): Promise<void> {
  const env = loadEnvOrExit(EmbeddedEnv);
  const [name, adminEmail] = process.argv.slice(2);
  if (!env.NATS_URL || !name || !adminEmail) {
    process.stderr.write('usage: NATS_URL=nats://… npm run create-account -- "<account name>" <admin email>\n');
    process.exit(64);
  }
  const rpc = new RpcClient(new PrefixedNatsClient({ servers: env.NATS_URL.split(','), prefix: env.NATS_SUBJECT_PREFIX, name: 'create-account' }));
  try {
    const reply = await rpc.request(RecordsRequests.CreateAccount, { name, adminName: 'Admin', adminEmail });
    process.stdout.write(`account ${reply.accountId}, admin user ${reply.userId}, API token (shown once):\n${reply.token}\n`);
  } finally {
    await rpc.close();
  }
}

createAccount().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
