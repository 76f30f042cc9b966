import { compressWithDefault, compressWithLz4 } from '@crm/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Email bodies and the outbox's events in LZ4 (compressWithLz4). */
const LARGE_VALUES = [
  { table: 'emails', column: 'text' },
  { table: 'emails', column: 'html' },
  { table: 'outbox', column: 'payload' },
];

export class Lz4Compression1700000000430 implements MigrationInterface {
  name = 'Lz4Compression1700000000430';

  async up(q: QueryRunner): Promise<void> {
    await compressWithLz4(q, LARGE_VALUES);
  }

  async down(q: QueryRunner): Promise<void> {
    await compressWithDefault(q, LARGE_VALUES);
  }
}
