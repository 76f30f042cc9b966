import 'reflect-metadata';
import { distributedRuntimeFromEnv, runMain } from '@crm/platform';
import { distributionService } from './app';

const { runtime, port } = distributedRuntimeFromEnv('distribution');
runMain(() => distributionService.start(runtime, { httpPort: port }));
