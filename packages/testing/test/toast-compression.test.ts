import { createServiceDataSource, lz4CompressionMigration } from '@crm/platform';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../src';

const SCHEMA = 'toast_test';

/** LZ4 for large values where the server has it (the embedded PGlite has not: the launcher's tests migrate it). */
describe('lz4CompressionMigration', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createServiceDataSource({ url: database.url, schema: SCHEMA, entities: [], migrations: [], poolSize: 1, applicationName: 'toast-test' });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${SCHEMA}; CREATE TABLE ${SCHEMA}.blobs (id serial, raw bytea, body text)`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const compression = async () =>
    Object.fromEntries(
      (
        await dataSource.query(
          `SELECT attname, attcompression FROM pg_attribute WHERE attrelid = '${SCHEMA}.blobs'::regclass AND attname IN ('raw', 'body') ORDER BY attname`,
        )
      ).map((row: { attname: string; attcompression: string }) => [row.attname, row.attcompression]),
    );

  it('sets LZ4 on the columns named, stores and reads values back unchanged, and can go back to the default', async () => {
    const runner = dataSource.createQueryRunner();
    const Migration = lz4CompressionMigration('BlobsLz41700000009999', [{ table: 'blobs', column: 'raw' }]);
    const migration = new Migration();
    expect(migration.name).toBe('BlobsLz41700000009999');
    try {
      await migration.up(runner);
      expect(await compression()).toEqual({ body: '', raw: 'l' });
      const raw = Buffer.from('x'.repeat(100_000) + 'end');
      await runner.query(`INSERT INTO ${SCHEMA}.blobs (raw) VALUES ($1)`, [raw]);
      const [row] = await runner.query(`SELECT raw, pg_column_compression(raw) AS method FROM ${SCHEMA}.blobs`);
      expect(row.method).toBe('lz4');
      expect(Buffer.compare(row.raw, raw)).toBe(0);
      await migration.down!(runner);
      expect(await compression()).toEqual({ body: '', raw: '' });
    } finally {
      await runner.release();
    }
  });
});
