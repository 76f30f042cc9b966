import { MessagingTables1700000000000 } from '@crm/platform';
import { TelephonyInitial1700000001200 } from './1700000001200-TelephonyInitial';

/** In order. Never edit a migration that has shipped: add a new one. */
export const telephonyMigrations = [MessagingTables1700000000000, TelephonyInitial1700000001200];
