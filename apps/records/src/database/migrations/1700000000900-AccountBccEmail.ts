import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account's current global BCC address, as mail-ingest announces it: contacts show it
 * (`bcc_email`). `bcc_email_changed_at` is the announcing event's time, so an older event
 * delivered late never overwrites a newer address.
 */
export class AccountBccEmail1700000000900 implements MigrationInterface {
  name = 'AccountBccEmail1700000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`ALTER TABLE accounts ADD COLUMN bcc_email text, ADD COLUMN bcc_email_changed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`ALTER TABLE accounts DROP COLUMN bcc_email_changed_at, DROP COLUMN bcc_email`);
  }
}
