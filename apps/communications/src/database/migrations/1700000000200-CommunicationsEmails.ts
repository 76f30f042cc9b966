import { MigrationInterface, QueryRunner } from 'typeorm';

/** Emails filed by mail-ingest, and the leads, contacts and deals each one is linked to. */
export class CommunicationsEmails1700000000200 implements MigrationInterface {
  name = 'CommunicationsEmails1700000000200';

  async up(q: QueryRunner): Promise<void> {
    // Unqualified names below live in this service's schema.
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`
      CREATE TABLE emails (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        message_id text NOT NULL,
        -- mail-ingest's raw message that first brought this Message-ID
        ingest_id integer NOT NULL,
        direction text NOT NULL CHECK (direction IN ('sent', 'received')),
        user_id integer,
        forwarded boolean NOT NULL DEFAULT false,
        subject text,
        text text,
        html text,
        body_truncated boolean NOT NULL DEFAULT false,
        from_address jsonb,
        to_addresses jsonb NOT NULL DEFAULT '[]',
        cc_addresses jsonb NOT NULL DEFAULT '[]',
        date timestamptz NOT NULL,
        in_reply_to text,
        reference_ids text[] NOT NULL DEFAULT '{}',
        attachments jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One email per Message-ID and account: the conflict target of the ingest upsert.
    await q.query(`CREATE UNIQUE INDEX emails_account_message ON emails (account_id, message_id)`);
    await q.query(`CREATE INDEX emails_account_date ON emails (account_id, date DESC, id DESC)`);
    await q.query(`CREATE INDEX emails_user ON emails (account_id, user_id)`);

    await q.query(`
      CREATE TABLE email_links (
        email_id integer NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        account_id integer NOT NULL,
        resource_type text NOT NULL CHECK (resource_type IN ('lead', 'contact', 'deal')),
        resource_id integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (email_id, resource_type, resource_id)
      )`);
    // Lists by record, conversion and deletion find links by the record.
    await q.query(`CREATE INDEX email_links_resource ON email_links (account_id, resource_type, resource_id, email_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE email_links`);
    await q.query(`DROP TABLE emails`);
  }
}
