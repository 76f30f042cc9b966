import 'reflect-metadata';
import { distributedRuntimeFromEnv, runMain } from '@crm/platform';
import { communicationsService } from './app';

const { runtime, port } = distributedRuntimeFromEnv('communications');
runMain(() => communicationsService.start(runtime, { httpPort: port }));
