import { MigrationInterface, QueryRunner } from 'typeorm';

export class DistributionInitial1700000000400 implements MigrationInterface {
  name = 'DistributionInitial1700000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    // This service's own copy of the account's users (fed by records.user.* events): who is active.
    await q.query(`
      CREATE TABLE known_users (
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        name text NOT NULL,
        active boolean NOT NULL,
        PRIMARY KEY (account_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE pools (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        name text NOT NULL,
        resource_type text NOT NULL,
        creator_id integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX pools_account ON pools (account_id, id)`);
    // current_weight: the smooth weighted round-robin state; the pool row lock serializes it.
    await q.query(`
      CREATE TABLE pool_members (
        pool_id integer NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        position integer NOT NULL,
        weight integer NOT NULL DEFAULT 1,
        paused boolean NOT NULL DEFAULT false,
        daily_cap integer,
        current_weight bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (pool_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE member_daily_counts (
        pool_id integer NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
        user_id integer NOT NULL,
        day date NOT NULL,
        assigned integer NOT NULL,
        PRIMARY KEY (pool_id, user_id, day)
      )`);
    await q.query(`
      CREATE TABLE assignments (
        id bigserial PRIMARY KEY,
        account_id integer NOT NULL,
        pool_id integer NOT NULL,
        user_id integer NOT NULL,
        resource_type text NOT NULL,
        resource_id integer,
        reason text NOT NULL,
        source text NOT NULL,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX assignments_pool ON assignments (account_id, pool_id, id)`);
    await q.query(`CREATE INDEX assignments_resource ON assignments (account_id, resource_type, resource_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    for (const table of ['assignments', 'member_daily_counts', 'pool_members', 'pools', 'known_users']) await q.query(`DROP TABLE ${table}`);
  }
}
