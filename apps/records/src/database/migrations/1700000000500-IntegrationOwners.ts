import { MigrationInterface, QueryRunner } from 'typeorm';

/** The account's default owner (a user or a distribution pool) for records each integration creates. */
export class IntegrationOwners1700000000500 implements MigrationInterface {
  name = 'IntegrationOwners1700000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`
      CREATE TABLE integration_owners (
        account_id integer NOT NULL REFERENCES accounts(id),
        integration text NOT NULL,
        resource_type text NOT NULL,
        owner_id integer,
        owner_pool_id integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, integration, resource_type),
        CHECK ((owner_id IS NULL) <> (owner_pool_id IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE integration_owners`);
  }
}
