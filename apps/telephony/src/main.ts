import 'reflect-metadata';
import { distributedRuntimeFromEnv, loadEnvOrExit, runMain } from '@crm/platform';
import { telephonyService } from './app';
import { TELEPHONY_SETTING_NAMES, TelephonyEnv } from './config';

loadEnvOrExit(TelephonyEnv);
const { runtime, port } = distributedRuntimeFromEnv('telephony');
for (const name of TELEPHONY_SETTING_NAMES) {
  const value = process.env[name];
  if (value !== undefined && value !== '') runtime.settings[name] = value;
}
runMain(() => telephonyService.start(runtime, { httpPort: port }));
