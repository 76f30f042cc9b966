import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A column holding large values, in the migrating service's schema. */
export interface LargeValueColumn {
  table: string;
  column: string;
}

/**
 * Large values (raw mail, attachments, uploaded CSV chunks, email bodies, outbox payloads) are
 * compressed with LZ4 instead of Postgres' default pglz: storing a 140 KB message costs the
 * server about a third of the CPU (pglz spends milliseconds even on data it cannot shrink), at
 * much the same size. Only new values are affected. A server built without LZ4 (PGlite, the
 * embedded database) keeps pglz: the change is skipped there, not failed.
 */
async function compressWithLz4(runner: QueryRunner, columns: LargeValueColumn[]): Promise<void> {
  const schema = runner.connection.driver.schema ?? 'public';
  for (const { table, column } of columns) {
    await runner.query(`
      DO $$ BEGIN
        ALTER TABLE "${schema}"."${table}" ALTER COLUMN "${column}" SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL;
      END $$`);
  }
}

/** Back to the server's default compression (a migration's `down`). */
async function compressWithDefault(runner: QueryRunner, columns: LargeValueColumn[]): Promise<void> {
  const schema = runner.connection.driver.schema ?? 'public';
  for (const { table, column } of columns) {
    await runner.query(`ALTER TABLE "${schema}"."${table}" ALTER COLUMN "${column}" SET COMPRESSION default`);
  }
}

/** A service's migration that moves `columns` to LZ4 (`name`: the class name TypeORM records, timestamp last). */
export function lz4CompressionMigration(name: string, columns: LargeValueColumn[]): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    up(runner: QueryRunner): Promise<void> {
      return compressWithLz4(runner, columns);
    }

    down(runner: QueryRunner): Promise<void> {
      return compressWithDefault(runner, columns);
    }
  };
}
