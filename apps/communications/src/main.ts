import 'reflect-metadata';
import { distributedRuntimeFromEnv, loadEnvOrExit, runMain } from '@crm/platform';
import { communicationsService } from './app';
import { OUTBOUND_SETTING_NAMES, OutboundEnv } from './modules/outbound/outbound-settings';
import { PHONE_NUMBER_SETTING_NAMES, PhoneNumberEnv } from './modules/record-phones/phone-numbers';

loadEnvOrExit(OutboundEnv);
loadEnvOrExit(PhoneNumberEnv);
const { runtime, port } = distributedRuntimeFromEnv('communications');
for (const name of [...OUTBOUND_SETTING_NAMES, ...PHONE_NUMBER_SETTING_NAMES]) {
  const value = process.env[name];
  if (value !== undefined && value !== '') runtime.settings[name] = value;
}
runMain(() => communicationsService.start(runtime, { httpPort: port }));
