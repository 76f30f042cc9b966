import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { CreateAccountReply, RecordsRequests, ServiceName } from '@crm/contracts';
import { PrefixedNatsClient, RpcClient } from '@crm/platform';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_NATS_URL, uniqueSuffix } from './test-env';
import { deleteStreams } from './stack';

export interface ProcessStack {
  gatewayUrl: string;
  ports: Record<string, number>;
  /** Each service's `SMTP_PORT` (only mail-ingest listens on it). */
  smtpPorts: Record<string, number>;
  database: TestDatabase;
  env: NodeJS.ProcessEnv;
  output: (service: ServiceName) => string;
  /** The service's process id, for measuring it (memory, CPU). */
  pid: (service: ServiceName) => number | undefined;
  /** A new account with an admin and their token, created over NATS as the launcher does. */
  createAccount(name?: string): Promise<CreateAccountReply & { auth: { Authorization: string } }>;
  /** Signal the service's process (SIGKILL by default: a crash); resolves once it has exited. */
  kill(service: ServiceName, signal?: NodeJS.Signals): Promise<void>;
  /** Start the service again with the same environment and ports (stopping it first if it runs); resolves when ready. */
  restart(service: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Run each service as its own process (`node apps/<name>/dist/main.js`), as in production,
 * on a fresh database and a private NATS subject prefix; resolves once every one is ready.
 */
export async function startProcessStack(
  repoRoot: string,
  services: ServiceName[],
  extraEnv: NodeJS.ProcessEnv = {},
  /** Variables for one service only (e.g. the NODE_OPTIONS its deployment gives it). */
  serviceEnv: Partial<Record<ServiceName, NodeJS.ProcessEnv>> = {},
): Promise<ProcessStack> {
  const database = await createTestDatabase();
  const prefix = `p${uniqueSuffix()}.`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NATS_URL: TEST_NATS_URL,
    NATS_SUBJECT_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_POOL_SIZE: '5',
    PUBLIC_URL: 'http://crm.test',
    ...extraEnv,
  };
  const children = new Map<string, ChildProcess>();
  const childEnvs = new Map<string, NodeJS.ProcessEnv>();
  const logs = new Map<string, string>();
  const ports: Record<string, number> = {};
  const smtpPorts: Record<string, number> = {};
  const launch = (service: ServiceName) => {
    const child = spawn(process.execPath, [path.join(repoRoot, `apps/${service}/dist/main.js`)], { env: childEnvs.get(service), stdio: 'pipe' });
    const append = (chunk: Buffer) => logs.set(service, ((logs.get(service) ?? '') + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    children.set(service, child);
    return waitReady(ports[service], () => logs.get(service) ?? '', child);
  };
  const kill = (service: ServiceName, signal: NodeJS.Signals = 'SIGKILL') => {
    const child = children.get(service);
    return new Promise<void>((resolve) => {
      if (!child || exited(child)) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  };
  /** SIGTERM, and SIGKILL if still running 5 s later. */
  const terminate = (service: ServiceName) => {
    const escalation = setTimeout(() => children.get(service)?.kill('SIGKILL'), 5000).unref();
    return kill(service, 'SIGTERM').finally(() => clearTimeout(escalation));
  };
  try {
    // Migrations run once, first, as the Kubernetes Job does.
    await run(process.execPath, [path.join(repoRoot, 'launcher/dist/migrate.js')], env);
    for (const service of services) {
      ports[service] = await freePort();
      smtpPorts[service] = await freePort();
      childEnvs.set(service, {
        ...env,
        ...serviceEnv[service],
        PORT: String(ports[service]),
        MIGRATE_ON_START: 'false',
        SMTP_PORT: String(smtpPorts[service]),
      });
    }
    await Promise.all(services.map(launch));
  } catch (error) {
    children.forEach((child) => child.kill('SIGKILL'));
    await database.drop();
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    ports,
    smtpPorts,
    database,
    env,
    output: (service) => logs.get(service) ?? '',
    pid: (service) => children.get(service)?.pid,
    kill,
    async restart(service) {
      await terminate(service);
      logs.set(service, `${logs.get(service) ?? ''}\n--- restarted ---\n`);
      await launch(service);
    },
    async createAccount(name = 'E2E account') {
      const rpc = new RpcClient(new PrefixedNatsClient({ servers: [TEST_NATS_URL], prefix, name: 'e2e-client' }));
      try {
        const reply = await rpc.request(RecordsRequests.CreateAccount, {
          name,
          adminName: 'Ada Admin',
          adminEmail: `admin-${uniqueSuffix()}@example.com`,
        });
        return { ...reply, auth: { Authorization: `Bearer ${reply.token}` } };
      } finally {
        await rpc.close();
      }
    },
    async stop() {
      await Promise.all([...children.keys()].map((service) => terminate(service as ServiceName)));
      await deleteStreams(prefix);
      await database.drop();
    },
  };
}

async function waitReady(port: number, output: () => string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`process exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready on :${port} within 60 s:\n${output()}`);
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
