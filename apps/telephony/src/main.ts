import 'reflect-metadata';
import { distributedRuntimeFromEnv, runMain } from '@crm/platform';
import { telephonyService } from './app';

const { runtime, port } = distributedRuntimeFromEnv('telephony');
runMain(() => telephonyService.start(runtime, { httpPort: port }));
