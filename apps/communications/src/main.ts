import 'reflect-metadata';
import { distributedRuntimeFromEnv, loadEnvOrExit, runMain } from '@crm/platform';
import { communicationsService } from './app';
import { PHONE_NUMBER_SETTING_NAMES, PhoneNumberEnv } from './modules/record-phones/phone-numbers';

loadEnvOrExit(PhoneNumberEnv);
const { runtime, port } = distributedRuntimeFromEnv('communications');
// Settings beyond the platform's, from the environment.
for (const name of PHONE_NUMBER_SETTING_NAMES) {
  const value = process.env[name];
  if (value !== undefined && value !== '') runtime.settings[name] = value;
}
runMain(() => communicationsService.start(runtime, { httpPort: port }));
