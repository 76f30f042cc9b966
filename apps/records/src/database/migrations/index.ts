import { MessagingTables1700000000000 } from '@crm/platform';
import { RecordsInitial1700000000100 } from './1700000000100-RecordsInitial';

/** In order. Never edit a migration that has shipped: add a new one. */
export const recordsMigrations = [MessagingTables1700000000000, RecordsInitial1700000000100];
