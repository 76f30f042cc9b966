import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports. The uploaded file is kept in chunks in the database so that any replica's worker
 * can stream it (no shared disk needed), and removed once the import has ended.
 */
export class Imports1700000000800 implements MigrationInterface {
  name = 'Imports1700000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`
      CREATE TABLE imports (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        resource_type text NOT NULL,
        status text NOT NULL,
        mapping jsonb NOT NULL DEFAULT '{}',
        owner_id integer,
        owner_pool_id integer,
        dedupe_key text,
        bytes bigint NOT NULL DEFAULT 0,
        bytes_read bigint NOT NULL DEFAULT 0,
        rows_read integer NOT NULL DEFAULT 0,
        rows_created integer NOT NULL DEFAULT 0,
        rows_failed integer NOT NULL DEFAULT 0,
        rows_skipped integer NOT NULL DEFAULT 0,
        error text,
        creator_id integer NOT NULL,
        correlation_id text,
        worker_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX imports_waiting ON imports (id) WHERE status IN ('queued', 'running')`);
    await q.query(`
      CREATE TABLE import_chunks (
        import_id integer NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
    await q.query(`
      CREATE TABLE import_errors (
        import_id integer NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        message text NOT NULL,
        PRIMARY KEY (import_id, row_number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE import_errors`);
    await q.query(`DROP TABLE import_chunks`);
    await q.query(`DROP TABLE imports`);
  }
}
