import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
  Provider,
} from '@nestjs/common';
import { schemaOf } from '@crm/contracts';
import { LoggerModule } from 'nestjs-pino';
import { connect, NatsConnection } from 'nats';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { createServiceDataSource } from '../database/data-source';
import { migrateSchema } from '../database/migrate';
import { TransactionRunner } from '../database/transaction';
import { EventConsumer } from '../messaging/events/event-consumer';
import { EventPublisher } from '../messaging/events/event-publisher';
import { EventTransport } from '../messaging/events/event-transport';
import { InProcessEventTransport } from '../messaging/events/in-process-event-transport';
import { JetStreamTransport } from '../messaging/events/jetstream-transport';
import { OutboxRelay } from '../messaging/events/outbox-relay';
import { InProcessClient } from '../messaging/rpc/in-process-transport';
import { NATS_CONNECTION_TUNING, PrefixedNatsClient } from '../messaging/rpc/prefixed-nats';
import { RpcClient } from '../messaging/rpc/rpc-client';
import { HEALTH_CHECKS, HealthCheck, ObservabilityController } from '../observability/health';
import { ensureDefaultMetrics } from '../observability/metrics';
import type { ServiceRuntime } from '../runtime';
import { EVENT_TRANSPORT, NATS_CONNECTION, RUNTIME } from './tokens';

export interface PlatformOptions {
  runtime: ServiceRuntime;
  /** Services that own tables; the gateway has none. */
  database?: {
    // TypeORM's own option types.
    // eslint-disable-next-line @typescript-eslint/ban-types
    entities: MixedList<Function | string | EntitySchema>;
    // eslint-disable-next-line @typescript-eslint/ban-types
    migrations: MixedList<Function | string>;
  };
  /** Serve /health and /metrics over HTTP (every distributed service; the embedded gateway). */
  http: boolean;
}

const MAX_DELIVER = 5;
const RETRY_DELAY_MS = 500;

@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    private readonly rpc: RpcClient,
    @Optional() private readonly relay?: OutboxRelay,
    @Optional() private readonly consumer?: EventConsumer,
    @Optional() private readonly dataSource?: DataSource,
    @Optional() @Inject(NATS_CONNECTION) private readonly nats?: NatsConnection | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay?.start();
    await this.consumer?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.transport.close();
    await this.rpc.close();
    await this.nats?.drain().catch(() => undefined);
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Everything a service needs from the platform, wired for the runtime it runs in: its
 * DataSource on its own schema, transactions, the outbox publisher and relay, its durable event
 * consumer, the typed request client, health checks, metrics and structured logs.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { runtime } = options;
    const schema = schemaOf(runtime.service);
    ensureDefaultMetrics();

    const providers: Provider[] = [
      { provide: RUNTIME, useValue: runtime },
      {
        provide: NATS_CONNECTION,
        useFactory: async () =>
          runtime.mode === 'distributed'
            ? connect({ servers: runtime.natsUrl!.split(','), name: `${runtime.service}-events`, ...NATS_CONNECTION_TUNING })
            : null,
      },
      {
        provide: EVENT_TRANSPORT,
        inject: [NATS_CONNECTION],
        useFactory: (nats: NatsConnection | null): EventTransport =>
          nats ? new JetStreamTransport(nats, runtime.subjectPrefix) : new InProcessEventTransport(runtime.bus!),
      },
      {
        provide: RpcClient,
        useFactory: () =>
          new RpcClient(
            runtime.mode === 'distributed'
              ? new PrefixedNatsClient({ servers: runtime.natsUrl!.split(','), prefix: runtime.subjectPrefix, name: `${runtime.service}-rpc-client` })
              : new InProcessClient(runtime.bus!),
          ),
      },
      {
        provide: HEALTH_CHECKS,
        inject: [NATS_CONNECTION, { token: DataSource, optional: true }],
        useFactory: (nats: NatsConnection | null, dataSource?: DataSource): HealthCheck[] => {
          const checks: HealthCheck[] = [];
          if (dataSource) checks.push({ name: 'database', check: async () => void (await dataSource.query('SELECT 1')) });
          if (nats) {
            checks.push({
              name: 'nats',
              check: async () => {
                if (nats.isClosed()) throw new Error('connection closed');
                await nats.flush();
              },
            });
          } else {
            checks.push({ name: 'messaging', check: async () => undefined });
          }
          return checks;
        },
      },
      PlatformLifecycle,
    ];

    if (options.database) {
      const database = options.database;
      providers.push(
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createServiceDataSource({
              url: runtime.databaseUrl,
              schema,
              entities: database.entities,
              migrations: database.migrations,
              poolSize: runtime.databasePoolSize,
              applicationName: runtime.service,
            });
            await dataSource.initialize();
            if (runtime.migrateOnStart) await migrateSchema(dataSource, schema);
            return dataSource;
          },
        },
        { provide: TransactionRunner, inject: [DataSource], useFactory: (ds: DataSource) => new TransactionRunner(ds) },
        {
          provide: OutboxRelay,
          inject: [DataSource, EVENT_TRANSPORT],
          useFactory: (ds: DataSource, transport: EventTransport) => new OutboxRelay(ds, schema, transport),
        },
        {
          provide: EventPublisher,
          inject: [OutboxRelay],
          useFactory: (relay: OutboxRelay) => new EventPublisher(schema, relay.nudge),
        },
        {
          provide: EventConsumer,
          inject: [TransactionRunner, EVENT_TRANSPORT],
          useFactory: (transactions: TransactionRunner, transport: EventTransport) =>
            new EventConsumer(
              { name: runtime.service, schema, maxDeliver: MAX_DELIVER, retryDelayMs: RETRY_DELAY_MS },
              transactions,
              transport,
            ),
        },
      );
    }

    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            name: runtime.service,
            level: runtime.logLevel,
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
      ],
      controllers: options.http ? [ObservabilityController] : [],
      providers,
      exports: [
        RUNTIME,
        NATS_CONNECTION,
        EVENT_TRANSPORT,
        RpcClient,
        HEALTH_CHECKS,
        ...(options.database ? [DataSource, TransactionRunner, OutboxRelay, EventPublisher, EventConsumer] : []),
      ],
    };
  }
}
