import { lz4CompressionMigration } from '@crm/platform';

/** Email bodies and the outbox's events in LZ4. */
export const Lz4Compression1700000000430 = lz4CompressionMigration('Lz4Compression1700000000430', [
  { table: 'emails', column: 'text' },
  { table: 'emails', column: 'html' },
  { table: 'outbox', column: 'payload' },
]);
