import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events written with the change that caused them) and the inbox (event ids a
 * consumer has processed). Every service that publishes or consumes lists this migration first.
 */
export class MessagingTables1700000000000 implements MigrationInterface {
  name = 'MessagingTables1700000000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'public';
    await runner.query(`
      CREATE TABLE "${schema}".outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        subject text NOT NULL,
        account_id integer,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        published_at timestamptz
      )`);
    await runner.query(`CREATE INDEX outbox_unpublished ON "${schema}".outbox (id) WHERE published_at IS NULL`);
    await runner.query(`
      CREATE TABLE "${schema}".inbox (
        event_id uuid NOT NULL,
        consumer text NOT NULL,
        subject text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = runner.connection.driver.schema ?? 'public';
    await runner.query(`DROP TABLE "${schema}".inbox`);
    await runner.query(`DROP TABLE "${schema}".outbox`);
  }
}
