import { MessagingTables1700000000000 } from '@crm/platform';
import { RecordsInitial1700000000100 } from './1700000000100-RecordsInitial';
import { RecordsLifecycle1700000000200 } from './1700000000200-RecordsLifecycle';
import { SmartLists1700000000300 } from './1700000000300-SmartLists';
import { IntegrationOwners1700000000500 } from './1700000000500-IntegrationOwners';
import { LeadForms1700000000600 } from './1700000000600-LeadForms';
import { PoolReassignment1700000000700 } from './1700000000700-PoolReassignment';
import { Imports1700000000800 } from './1700000000800-Imports';
import { AccountBccEmail1700000000900 } from './1700000000900-AccountBccEmail';
import { SignIn1700000001300 } from './1700000001300-SignIn';
import { Lz4Compression1700000001400 } from './1700000001400-Lz4Compression';
import { ContactsByLastName1700000001500 } from './1700000001500-ContactsByLastName';

/** In order. Never edit a migration that has shipped: add a new one. */
export const recordsMigrations = [
  MessagingTables1700000000000,
  RecordsInitial1700000000100,
  RecordsLifecycle1700000000200,
  SmartLists1700000000300,
  IntegrationOwners1700000000500,
  LeadForms1700000000600,
  PoolReassignment1700000000700,
  Imports1700000000800,
  AccountBccEmail1700000000900,
  SignIn1700000001300,
  Lz4Compression1700000001400,
  ContactsByLastName1700000001500,
];
