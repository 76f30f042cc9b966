import { compressWithDefault, compressWithLz4 } from '@crm/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Raw messages, decoded attachments and the outbox's events (which carry the bodies) in LZ4 (compressWithLz4). */
const LARGE_VALUES = [
  { table: 'raw_messages', column: 'raw' },
  { table: 'attachments', column: 'content' },
  { table: 'outbox', column: 'payload' },
];

export class Lz4Compression1700000001200 implements MigrationInterface {
  name = 'Lz4Compression1700000001200';

  async up(q: QueryRunner): Promise<void> {
    await compressWithLz4(q, LARGE_VALUES);
  }

  async down(q: QueryRunner): Promise<void> {
    await compressWithDefault(q, LARGE_VALUES);
  }
}
