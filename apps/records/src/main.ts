import 'reflect-metadata';
import { distributedRuntimeFromEnv } from '@crm/platform';
import { recordsService } from './app';

const { runtime, port } = distributedRuntimeFromEnv('records');
void recordsService.start(runtime, { httpPort: port });
