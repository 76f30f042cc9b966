import { CreateAccountReply, RecordsRequests, ServiceName } from '@crm/contracts';
import {
  InProcessBus,
  InProcessClient,
  PrefixedNatsClient,
  RpcClient,
  RunningService,
  ServiceEntry,
  ServiceRuntime,
} from '@crm/platform';
import { connect } from 'nats';
import * as path from 'node:path';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_NATS_URL, uniqueSuffix } from './test-env';

export interface StackOptions {
  /**
   * The services to run, gateway included if HTTP is wanted: entries, or names of services built
   * in this repository (so a service's tests can run the others without importing them).
   */
  services: (ServiceEntry | ServiceName)[];
  /** distributed: real NATS JetStream; embedded: the in-process bus. Both on real Postgres. */
  mode?: 'distributed' | 'embedded';
  /** Extra replicas of a service (e.g. two distribution instances in one test). */
  replicas?: Partial<Record<ServiceName, number>>;
  settings?: Record<string, string>;
  /** Connections per service (default 5). */
  databasePoolSize?: number;
}

export interface Stack {
  gatewayUrl: string;
  database: TestDatabase;
  runtime: (service: ServiceName) => ServiceRuntime;
  rpc: RpcClient;
  services: RunningService[];
  createAccount(name?: string): Promise<CreateAccountReply & { auth: { Authorization: string } }>;
  stop(): Promise<void>;
}

/**
 * Boot services in this process on a fresh Postgres database and (distributed) a private
 * subject prefix on the shared NATS server, so suites can run side by side.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const mode = options.mode ?? 'distributed';
  const database = await createTestDatabase();
  const prefix = `t${uniqueSuffix()}.`;
  const bus = mode === 'embedded' ? new InProcessBus({ closed: true }) : undefined;
  const runtime = (service: ServiceName): ServiceRuntime => ({
    service,
    mode,
    databaseUrl: database.url,
    natsUrl: TEST_NATS_URL,
    bus,
    subjectPrefix: mode === 'distributed' ? prefix : '',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    databasePoolSize: options.databasePoolSize ?? 5,
    migrateOnStart: true,
    settings: { BCC_DOMAIN: 'bcc.test', PUBLIC_URL: 'http://crm.test', ...options.settings },
  });

  const services: RunningService[] = [];
  try {
    for (const entry of options.services.map(resolveService)) {
      const count = options.replicas?.[entry.name] ?? 1;
      for (let i = 0; i < count; i++) {
        services.push(await entry.start(runtime(entry.name), { httpPort: entry.name === 'gateway' ? 0 : undefined }));
      }
    }
  } catch (error) {
    await Promise.allSettled(services.map((s) => s.close()));
    await database.drop();
    throw error;
  }

  bus?.open(); // every consumer is registered now
  const rpc = new RpcClient(
    bus ? new InProcessClient(bus) : new PrefixedNatsClient({ servers: [TEST_NATS_URL], prefix, name: 'test-client' }),
  );
  const gateway = services.find((s) => s.name === 'gateway');

  return {
    gatewayUrl: gateway ? `http://127.0.0.1:${gateway.httpPort}` : '',
    database,
    runtime,
    rpc,
    services,
    async createAccount(name = 'Test account') {
      const suffix = uniqueSuffix();
      const reply = await rpc.request(RecordsRequests.CreateAccount, {
        name,
        adminName: 'Ada Admin',
        adminEmail: `admin-${suffix}@example.com`,
      });
      return { ...reply, auth: { Authorization: `Bearer ${reply.token}` } };
    },
    async stop() {
      await rpc.close();
      for (const service of services.reverse()) await service.close();
      if (mode === 'distributed') await deleteStreams(prefix);
      await database.drop();
    },
  };
}

/** Remove the JetStream streams a suite created under its prefix. */
export async function deleteStreams(prefix: string): Promise<void> {
  const tag = prefix.replace(/[^A-Za-z0-9_-]/g, '');
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(`${tag}_`)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}

/** The ServiceEntry an app exports from `apps/<name>/dist/app.js` (built before tests run). */
export function resolveService(service: ServiceEntry | ServiceName): ServiceEntry {
  if (typeof service !== 'string') return service;
  const exported: Record<string, unknown> = require(path.resolve(__dirname, '../../../apps', service, 'dist/app.js'));
  const entry = Object.values(exported).find(
    (value): value is ServiceEntry => typeof value === 'object' && value !== null && (value as ServiceEntry).name === service,
  );
  if (!entry) throw new Error(`apps/${service}/dist/app.js exports no service entry named ${service}`);
  return entry;
}
