import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The text each table's `q` search looks in, lower-cased. It must stay character for character
 * the expression in `modules/smart-lists/smart-list-targets.ts`, or the planner will not use
 * the trigram index for it. Frozen here (migrations never change once shipped).
 */
const PARTY_TEXT = (extra: string) =>
  `lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(${extra}, '') || ' ' ||
   coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(mobile, '') || ' ' ||
   coalesce(phone_e164, '') || ' ' || coalesce(mobile_e164, ''))`;
const SEARCH_TEXT: Record<string, string> = {
  leads: PARTY_TEXT('organization_name'),
  contacts: PARTY_TEXT('name'),
  deals: `lower(name)`,
};

/** Smart lists (saved filters), bulk jobs over them, and the indexes their filters need. */
export class SmartLists1700000000300 implements MigrationInterface {
  name = 'SmartLists1700000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`
      CREATE TABLE smart_lists (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        name text NOT NULL,
        resource_type text NOT NULL,
        filters jsonb NOT NULL DEFAULT '{}',
        creator_id integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX smart_lists_account ON smart_lists (account_id, id)`);

    // No foreign key to smart_lists: a job keeps running on its snapshot if its list is deleted.
    await q.query(`
      CREATE TABLE jobs (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        type text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        smart_list_id integer NOT NULL,
        resource_type text NOT NULL,
        owner_id integer,
        tag text,
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        last_record_id integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        error text,
        creator_id integer NOT NULL,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The workers' queue: unfinished jobs, least recently advanced first.
    await q.query(`CREATE INDEX jobs_unfinished ON jobs (updated_at, id) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX jobs_account ON jobs (account_id, id)`);
    await q.query(`
      CREATE TABLE job_items (
        job_id integer NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        record_id integer NOT NULL,
        PRIMARY KEY (job_id, record_id)
      )`);

    // Tags are a set compared ignoring case (normalizeTags): filters match on the lower-cased set.
    await q.query(`
      CREATE FUNCTION lowercase_tags(tags text[]) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(lower(t)), '{}') FROM unnest(tags) AS t $$`);

    const trgmSchema = await this.trigramSchema(q);
    for (const table of ['leads', 'contacts', 'deals']) {
      await q.query(`CREATE INDEX ${table}_tags ON ${table} USING gin (lowercase_tags(tags))`);
      await q.query(`CREATE INDEX ${table}_custom_fields ON ${table} USING gin (custom_fields jsonb_path_ops)`);
      await q.query(`CREATE INDEX ${table}_created ON ${table} (account_id, created_at)`);
      if (trgmSchema) {
        await q.query(`CREATE INDEX ${table}_search ON ${table} USING gin ((${SEARCH_TEXT[table]}) "${trgmSchema}".gin_trgm_ops)`);
      }
    }
    // Status with owner: "my new leads" is the most common lead list; status alone uses its prefix.
    await q.query(`CREATE INDEX leads_status_owner ON leads (account_id, status, owner_id)`);
    await q.query(`CREATE INDEX deals_owner ON deals (account_id, owner_id)`);
    await q.query(`CREATE INDEX deals_updated ON deals (account_id, updated_at, id)`);
  }

  /**
   * pg_trgm makes `q` fast at a million rows. Where it cannot be installed (embedded PGlite loads
   * no extensions) the search still works, by scanning.
   */
  private async trigramSchema(q: QueryRunner): Promise<string | null> {
    await q.query(`
      DO $$ BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available: text search will not be indexed';
      END $$`);
    const rows: { schema: string }[] = await q.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    );
    return rows[0]?.schema ?? null;
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    for (const table of ['leads', 'contacts', 'deals']) {
      for (const index of ['tags', 'custom_fields', 'created', 'search']) await q.query(`DROP INDEX IF EXISTS ${table}_${index}`);
    }
    await q.query(`DROP INDEX leads_status_owner`);
    await q.query(`DROP INDEX deals_owner`);
    await q.query(`DROP INDEX deals_updated`);
    await q.query(`DROP FUNCTION lowercase_tags(text[])`);
    await q.query(`DROP TABLE job_items`);
    await q.query(`DROP TABLE jobs`);
    await q.query(`DROP TABLE smart_lists`);
  }
}
