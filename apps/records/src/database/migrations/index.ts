import { MessagingTables1700000000000 } from '@crm/platform';
import { RecordsInitial1700000000100 } from './1700000000100-RecordsInitial';
import { RecordsLifecycle1700000000200 } from './1700000000200-RecordsLifecycle';
import { SmartLists1700000000300 } from './1700000000300-SmartLists';
import { IntegrationOwners1700000000500 } from './1700000000500-IntegrationOwners';
import { PoolReassignment1700000000700 } from './1700000000700-PoolReassignment';

/** In order. Never edit a migration that has shipped: add a new one. */
export const recordsMigrations = [
  MessagingTables1700000000000,
  RecordsInitial1700000000100,
  RecordsLifecycle1700000000200,
  SmartLists1700000000300,
  IntegrationOwners1700000000500,
  PoolReassignment1700000000700,
];
