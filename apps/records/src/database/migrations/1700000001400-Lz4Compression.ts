import { compressWithDefault, compressWithLz4 } from '@crm/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded CSV chunks and the outbox's events (an import's batches) in LZ4 (compressWithLz4). */
const LARGE_VALUES = [
  { table: 'import_chunks', column: 'data' },
  { table: 'outbox', column: 'payload' },
];

export class Lz4Compression1700000001400 implements MigrationInterface {
  name = 'Lz4Compression1700000001400';

  async up(q: QueryRunner): Promise<void> {
    await compressWithLz4(q, LARGE_VALUES);
  }

  async down(q: QueryRunner): Promise<void> {
    await compressWithDefault(q, LARGE_VALUES);
  }
}
