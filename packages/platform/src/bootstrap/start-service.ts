import { DynamicModule, INestApplicationContext, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { InProcessServer } from '../messaging/rpc/in-process-transport';
import { PrefixedNatsServer } from '../messaging/rpc/prefixed-nats';
import { DomainErrorRpcFilter } from '../messaging/rpc/rpc-exception.filter';
import { RpcMetricsInterceptor } from '../observability/metrics';
import type { ServiceRuntime } from '../runtime';

export interface ServiceStartOptions {
  /** Listen for HTTP on this port (health and metrics; the gateway's API). Omit for none. */
  httpPort?: number;
  /** Answer request/reply subjects (every service but the gateway). */
  answersRequests: boolean;
  /** Extra setup of the HTTP application before it listens (the gateway's API settings). */
  configureHttp?: (app: import('@nestjs/common').INestApplication) => void | Promise<void>;
}

export interface RunningService {
  name: string;
  app: INestApplicationContext;
  httpPort?: number;
  close(): Promise<void>;
}

const APP_OPTIONS: NestApplicationOptions = { bufferLogs: true, abortOnError: false };

/**
 * Start one service in the given runtime. Distributed: an HTTP app (health, metrics) with the
 * NATS transport attached in the service's queue group. Embedded: the in-process transport, and
 * HTTP only where asked (the gateway).
 */
export async function startService(
  runtime: ServiceRuntime,
  rootModule: DynamicModule,
  options: ServiceStartOptions,
): Promise<RunningService> {
  const rpcStrategy = options.answersRequests
    ? runtime.mode === 'distributed'
      ? new PrefixedNatsServer({
          servers: runtime.natsUrl!.split(','),
          queue: runtime.service,
          prefix: runtime.subjectPrefix,
          name: `${runtime.service}-rpc`,
        })
      : new InProcessServer(runtime.bus!)
    : undefined;

  if (options.httpPort === undefined) {
    if (!rpcStrategy) throw new Error(`${runtime.service} has neither HTTP nor requests to serve`);
    const app = await NestFactory.createMicroservice(rootModule, { ...APP_OPTIONS, strategy: rpcStrategy });
    app.useLogger(app.get(Logger));
    app.useGlobalFilters(new DomainErrorRpcFilter());
    app.useGlobalInterceptors(new RpcMetricsInterceptor(runtime.service));
    await app.listen();
    return { name: runtime.service, app, close: () => app.close() };
  }

  const app = await NestFactory.create(rootModule, APP_OPTIONS);
  app.useLogger(app.get(Logger));
  if (rpcStrategy) {
    // Request handlers are bound when the microservice is connected: the filter and interceptor
    // must be set on the app first and inherited, or they never apply.
    app.useGlobalFilters(new DomainErrorRpcFilter(app.getHttpAdapter()));
    app.useGlobalInterceptors(new RpcMetricsInterceptor(runtime.service));
    app.connectMicroservice({ strategy: rpcStrategy }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await options.configureHttp?.(app);
  await app.listen(options.httpPort, process.env.HOST ?? '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.httpPort;
  return { name: runtime.service, app, httpPort: port, close: () => app.close() };
}
