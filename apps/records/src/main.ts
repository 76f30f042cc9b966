import 'reflect-metadata';
import { distributedRuntimeFromEnv, runMain } from '@crm/platform';
import { recordsService } from './app';

const { runtime, port } = distributedRuntimeFromEnv('records');
runMain(() => recordsService.start(runtime, { httpPort: port }));
