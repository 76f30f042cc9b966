import 'reflect-metadata';
import { distributedRuntimeFromEnv, runMain } from '@crm/platform';
import { gatewayService } from './app';

// The gateway keeps nothing durable: it needs NATS, not a database.
const { runtime, port } = distributedRuntimeFromEnv('gateway', { database: false });
runMain(() => gatewayService.start(runtime, { httpPort: port }));
