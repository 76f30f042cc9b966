import { MessagingTables1700000000000 } from '@crm/platform';
import { MailIngestInitial1700000001000 } from './1700000001000-MailIngestInitial';
import { MailboxSync1700000001100 } from './1700000001100-MailboxSync';
import { Lz4Compression1700000001200 } from './1700000001200-Lz4Compression';

/** In order. Never edit a migration that has shipped: add a new one. */
export const mailIngestMigrations = [MessagingTables1700000000000, MailIngestInitial1700000001000, MailboxSync1700000001100, Lz4Compression1700000001200];
