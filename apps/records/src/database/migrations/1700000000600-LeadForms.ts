import { MigrationInterface, QueryRunner } from 'typeorm';

/** Public lead-capture forms: the fields they collect, who gets the leads, and their secret token. */
export class LeadForms1700000000600 implements MigrationInterface {
  name = 'LeadForms1700000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`
      CREATE TABLE lead_forms (
        id serial PRIMARY KEY,
        account_id integer NOT NULL REFERENCES accounts(id),
        creator_id integer NOT NULL,
        name text NOT NULL,
        fields jsonb NOT NULL,
        owner_id integer,
        owner_pool_id integer,
        token text NOT NULL UNIQUE,
        active boolean NOT NULL DEFAULT true,
        redirect_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (owner_id IS NULL OR owner_pool_id IS NULL)
      )`);
    await q.query(`CREATE INDEX lead_forms_account_idx ON lead_forms (account_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE lead_forms`);
  }
}
