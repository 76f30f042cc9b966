import { MigrationInterface, QueryRunner } from 'typeorm';

export class TelephonyInitial1700000001200 implements MigrationInterface {
  name = 'TelephonyInitial1700000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    // A Twilio number routes inbound calls and texts to one user of one account: unique across accounts.
    await q.query(`
      CREATE TABLE phone_numbers (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        phone_number text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, user_id)
      )`);
    // Every text in or out of a user's number. An outbound one is written (pending, with its
    // callback ref) before Twilio is asked, so an early status callback finds it; it is deleted
    // if Twilio refuses, and announced once Twilio accepted it.
    await q.query(`
      CREATE TABLE text_messages (
        id bigserial PRIMARY KEY,
        account_id integer NOT NULL,
        message_sid text UNIQUE,
        ref text UNIQUE,
        pending boolean NOT NULL DEFAULT false,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        user_id integer,
        user_phone_number text NOT NULL,
        remote_phone_number text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        error_code text,
        error_message text,
        resource_type text CHECK (resource_type IN ('lead', 'contact')),
        resource_id integer,
        in_reply_to integer,
        sent_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (pending OR message_sid IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX text_messages_conversation ON text_messages (account_id, user_phone_number, remote_phone_number)`);
    await q.query(`
      CREATE TABLE recordings (
        id bigserial PRIMARY KEY,
        account_id integer NOT NULL,
        recording_sid text NOT NULL UNIQUE,
        call_sid text NOT NULL,
        url text,
        duration integer NOT NULL DEFAULT 0,
        voicemail boolean NOT NULL DEFAULT false,
        media_kind text CHECK (media_kind IN ('audio', 'metadata')),
        content_type text,
        size integer,
        media bytea,
        fetched_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Inbound calls, and click-to-calls (pending with their ref until Twilio accepted them).
    await q.query(`
      CREATE TABLE calls (
        id bigserial PRIMARY KEY,
        account_id integer NOT NULL,
        call_sid text UNIQUE,
        ref text UNIQUE,
        pending boolean NOT NULL DEFAULT false,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        user_id integer,
        user_phone_number text NOT NULL,
        remote_phone_number text NOT NULL,
        user_own_phone_number text,
        status text NOT NULL,
        missed boolean NOT NULL DEFAULT false,
        voicemail boolean NOT NULL DEFAULT false,
        duration integer NOT NULL DEFAULT 0,
        recording_id bigint REFERENCES recordings(id) ON DELETE SET NULL,
        resource_type text CHECK (resource_type IN ('lead', 'contact')),
        resource_id integer,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (pending OR call_sid IS NOT NULL)
      )`);
    // Each webhook (sid, kind, event) is handled once; a retry gets the answer stored here.
    await q.query(`
      CREATE TABLE webhook_log (
        sid text NOT NULL,
        kind text NOT NULL,
        event text NOT NULL,
        account_id integer,
        reply_status integer NOT NULL,
        reply_content_type text NOT NULL,
        reply_body text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sid, kind, event)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE webhook_log, calls, recordings, text_messages, phone_numbers`);
  }
}
