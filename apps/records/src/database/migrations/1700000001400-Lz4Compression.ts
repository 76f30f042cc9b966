import { lz4CompressionMigration } from '@crm/platform';

/** Uploaded CSV chunks and the outbox's events (an import's batches) in LZ4. */
export const Lz4Compression1700000001400 = lz4CompressionMigration('Lz4Compression1700000001400', [
  { table: 'import_chunks', column: 'data' },
  { table: 'outbox', column: 'payload' },
]);
