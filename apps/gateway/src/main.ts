import 'reflect-metadata';
import { distributedRuntimeFromEnv, loadEnvOrExit, runMain } from '@crm/platform';
import { gatewayService } from './app';
import { GATEWAY_SETTING_NAMES, GatewayEnv } from './gateway-settings';

loadEnvOrExit(GatewayEnv);
// The gateway keeps nothing durable: it needs NATS, not a database.
const { runtime, port } = distributedRuntimeFromEnv('gateway', { database: false });
for (const name of GATEWAY_SETTING_NAMES) {
  const value = process.env[name];
  if (value !== undefined && value !== '') runtime.settings[name] = value;
}
runMain(() => gatewayService.start(runtime, { httpPort: port }));
