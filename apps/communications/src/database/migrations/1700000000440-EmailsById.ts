import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /v2/emails?sort_by=id` (newest first by id, as sync clients page) read every email of the
 * account and sorted them for each page: an account's emails by id, either way.
 */
export class EmailsById1700000000440 implements MigrationInterface {
  name = 'EmailsById1700000000440';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`SET LOCAL search_path TO "${runner.connection.driver.schema}"`);
    await runner.query(`CREATE INDEX emails_account_id ON emails (account_id, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`SET LOCAL search_path TO "${runner.connection.driver.schema}"`);
    await runner.query(`DROP INDEX emails_account_id`);
  }
}
