import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailIngestInitial1700000001000 implements MigrationInterface {
  name = 'MailIngestInitial1700000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    // The account's global BCC addresses: the current one has expires_at NULL; a replaced one
    // keeps working until its expires_at (the grace period).
    await q.query(`
      CREATE TABLE bcc_addresses (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        local_part text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX bcc_addresses_current ON bcc_addresses (account_id) WHERE expires_at IS NULL`);
    await q.query(`
      CREATE TABLE deal_addresses (
        deal_id integer PRIMARY KEY,
        account_id integer NOT NULL,
        local_part text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per accepted message and account; the raw bytes are kept whatever parsing does.
    await q.query(`
      CREATE TABLE raw_messages (
        id bigserial PRIMARY KEY,
        account_id integer NOT NULL,
        deal_ids integer[] NOT NULL DEFAULT '{}',
        recipients text[] NOT NULL,
        envelope_from text,
        raw bytea NOT NULL,
        size integer NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        message_id text,
        subject text,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        log jsonb NOT NULL DEFAULT '[]',
        received_at timestamptz NOT NULL DEFAULT now(),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        filed_at timestamptz
      )`);
    await q.query(`CREATE INDEX raw_messages_waiting ON raw_messages (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX raw_messages_account ON raw_messages (account_id, id DESC)`);
    await q.query(`
      CREATE TABLE attachments (
        id bigserial PRIMARY KEY,
        raw_message_id bigint NOT NULL REFERENCES raw_messages(id) ON DELETE CASCADE,
        account_id integer NOT NULL,
        position integer NOT NULL,
        filename text,
        content_type text NOT NULL,
        content_id text,
        size integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        UNIQUE (raw_message_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE attachments, raw_messages, deal_addresses, bcc_addresses`);
  }
}
