import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /v2/contacts` pages by last name (Sell's default), nulls first ascending and last
 * descending (organizations have none): an index in that order serves both directions, where
 * the first one (nulls last) made every page read and sort all the account's contacts.
 */
export class ContactsByLastName1700000001500 implements MigrationInterface {
  name = 'ContactsByLastName1700000001500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`SET LOCAL search_path TO "${runner.connection.driver.schema}"`);
    await runner.query(`DROP INDEX contacts_last_name`);
    await runner.query(`CREATE INDEX contacts_last_name ON contacts (account_id, last_name NULLS FIRST, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`SET LOCAL search_path TO "${runner.connection.driver.schema}"`);
    await runner.query(`DROP INDEX contacts_last_name`);
    await runner.query(`CREATE INDEX contacts_last_name ON contacts (account_id, last_name, id)`);
  }
}
