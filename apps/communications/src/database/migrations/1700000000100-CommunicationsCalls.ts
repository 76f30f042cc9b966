import { MigrationInterface, QueryRunner } from 'typeorm';

/** Calls, call outcomes, text messages, and the copy of record owners that visibility needs. */
export class CommunicationsCalls1700000000100 implements MigrationInterface {
  name = 'CommunicationsCalls1700000000100';

  async up(q: QueryRunner): Promise<void> {
    // Unqualified names below live in this service's schema.
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`
      CREATE TABLE call_outcomes (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        name text NOT NULL,
        creator_id integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Also what makes seeding the defaults safe when two first requests race.
    await q.query(`CREATE UNIQUE INDEX call_outcomes_account_name ON call_outcomes (account_id, lower(name))`);

    await q.query(`
      CREATE TABLE calls (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        summary text,
        recording_url text,
        outcome_id integer REFERENCES call_outcomes(id) ON DELETE SET NULL,
        duration integer NOT NULL DEFAULT 0 CHECK (duration >= 0),
        phone_number text NOT NULL,
        incoming boolean NOT NULL DEFAULT false,
        missed boolean NOT NULL DEFAULT false,
        external_id text,
        resource_type text CHECK (resource_type IN ('lead', 'contact', 'deal')),
        resource_id integer,
        associated_deal_ids integer[] NOT NULL DEFAULT '{}',
        made_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((resource_type IS NULL) = (resource_id IS NULL))
      )`);
    await q.query(`CREATE INDEX calls_account ON calls (account_id, id)`);
    await q.query(`CREATE INDEX calls_resource ON calls (account_id, resource_type, resource_id)`);
    await q.query(`CREATE INDEX calls_user ON calls (account_id, user_id)`);
    // Deal deletion finds calls by `associated_deal_ids @> ARRAY[id]`.
    await q.query(`CREATE INDEX calls_associated_deals ON calls USING gin (associated_deal_ids)`);

    await q.query(`
      CREATE TABLE text_messages (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        user_id integer,
        content text NOT NULL,
        incoming boolean NOT NULL,
        resource_type text CHECK (resource_type IN ('lead', 'contact')),
        resource_id integer,
        resource_phone_number text NOT NULL,
        user_phone_number text NOT NULL,
        associated_deal_ids integer[] NOT NULL DEFAULT '{}',
        sent_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((resource_type IS NULL) = (resource_id IS NULL))
      )`);
    await q.query(`CREATE INDEX text_messages_account ON text_messages (account_id, id)`);
    await q.query(`CREATE INDEX text_messages_resource ON text_messages (account_id, resource_type, resource_id)`);
    await q.query(`CREATE INDEX text_messages_user ON text_messages (account_id, user_id)`);
    await q.query(`CREATE INDEX text_messages_associated_deals ON text_messages USING gin (associated_deal_ids)`);

    // Who owns each lead, contact and deal, copied from records' events: a user who sees only
    // their own records sees the calls and texts on them (README, "Visibility").
    await q.query(`
      CREATE TABLE record_owners (
        account_id integer NOT NULL,
        resource_type text NOT NULL CHECK (resource_type IN ('lead', 'contact', 'deal')),
        resource_id integer NOT NULL,
        owner_id integer NOT NULL,
        source_updated_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, resource_type, resource_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE record_owners`);
    await q.query(`DROP TABLE text_messages`);
    await q.query(`DROP TABLE calls`);
    await q.query(`DROP TABLE call_outcomes`);
  }
}
