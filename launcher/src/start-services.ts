import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { SERVICE_NAMES } from '@crm/contracts';
import { loadEnvOrExit, PrefixedNatsClient, RpcClient } from '@crm/platform';
import { describeFirstRun, ensureAdminAccount } from './first-run';
import { EmbeddedEnv } from './launcher-env';
import { webRoot } from './web-root';

/**
 * `npm run start:services`: each service as its own process against DATABASE_URL and NATS_URL,
 * as they run in production. Migrations first; the gateway on PORT (3000), the others' health and
 * metrics on the ports after it, SMTP on SMTP_PORT. The first start creates the account and its
 * admin, as `npm start` does. The gateway serves the built web app (apps/web/dist, or WEB_ROOT) at /.
 */
function startServices(): void {
  if (!process.env.DATABASE_URL || !process.env.NATS_URL) {
    process.stderr.write('start:services needs DATABASE_URL and NATS_URL (use `npm start` for the embedded mode)\n');
    process.exit(78);
  }
  const root = path.resolve(__dirname, '../..');
  const basePort = Number(process.env.PORT ?? 3000);
  const webRootSetting = webRoot();
  // Links (invitations, paging) name the gateway's own port unless PUBLIC_URL says otherwise.
  const publicUrl = process.env.PUBLIC_URL || `http://localhost:${basePort}`;
  const migrate = spawn(process.execPath, [path.join(root, 'launcher/dist/migrate.js')], { stdio: 'inherit' });
  migrate.on('exit', (code) => {
    if (code !== 0) process.exit(code ?? 1);
    const others = SERVICE_NAMES.filter((name) => name !== 'gateway');
    const ports = new Map<string, number>([['gateway', basePort], ...others.map((name, i): [string, number] => [name, basePort + i + 1])]);
    const children = SERVICE_NAMES.map((name) => {
      const child = spawn(process.execPath, [path.join(root, `apps/${name}/dist/main.js`)], {
        env: {
          ...process.env,
          PORT: String(ports.get(name)),
          MIGRATE_ON_START: 'false',
          PUBLIC_URL: publicUrl,
          ...(name === 'gateway' && webRootSetting ? { WEB_ROOT: webRootSetting } : {}),
        },
        stdio: 'inherit',
      });
      child.on('exit', (status) => {
        process.stderr.write(`${name} exited with ${status}; stopping the others\n`);
        children.forEach((other) => other.kill('SIGTERM'));
        process.exitCode = status ?? 1;
      });
      return child;
    });
    process.stdout.write(`started ${SERVICE_NAMES.map((n) => `${n}:${ports.get(n)}`).join(' ')}\n`);
    void announceWhenReady(ports.get('records')!, basePort, publicUrl).catch((error: unknown) => {
      process.stderr.write(`could not check for the first account: ${String(error)}\n`);
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => children.forEach((c) => c.kill(signal)));
  });
}

async function announceWhenReady(recordsPort: number, gatewayPort: number, publicUrl: string): Promise<void> {
  const env = loadEnvOrExit(EmbeddedEnv);
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${recordsPort}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (attempt > 300) throw new Error('records did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const rpc = new RpcClient(new PrefixedNatsClient({ servers: env.NATS_URL!.split(','), prefix: env.NATS_SUBJECT_PREFIX, name: 'launcher' }));
  try {
    const firstRun = await ensureAdminAccount(rpc, env.DATA_DIR, { name: env.ACCOUNT_NAME, adminEmail: env.ADMIN_EMAIL }, publicUrl);
    process.stdout.write(`\n${describeFirstRun(firstRun, `http://localhost:${gatewayPort}`, publicUrl)}\n\n`);
  } finally {
    await rpc.close();
  }
}

startServices();
