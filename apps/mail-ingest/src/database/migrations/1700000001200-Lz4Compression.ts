import { lz4CompressionMigration } from '@crm/platform';

/** Raw messages, decoded attachments and the outbox's events (which carry the bodies) in LZ4. */
export const Lz4Compression1700000001200 = lz4CompressionMigration('Lz4Compression1700000001200', [
  { table: 'raw_messages', column: 'raw' },
  { table: 'attachments', column: 'content' },
  { table: 'outbox', column: 'payload' },
]);
