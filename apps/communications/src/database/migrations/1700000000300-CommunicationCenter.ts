import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Communication Center's email state: each user's mailbox entries (inbox/sent, read,
 * archived), ignored senders, open tracking of mail sent from the CRM, and full-text search.
 */
export class CommunicationCenter1700000000300 implements MigrationInterface {
  name = 'CommunicationCenter1700000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    // Where an email came from: BCC/deal address, a user's synced mailbox, or sent from the CRM
    // (which has no raw message in mail-ingest).
    await q.query(`ALTER TABLE emails ADD COLUMN source text NOT NULL DEFAULT 'bcc' CHECK (source IN ('bcc', 'mailbox', 'crm'))`);
    await q.query(`ALTER TABLE emails ALTER COLUMN ingest_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE emails ADD COLUMN search tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(left(text, 100000), ''))) STORED`);
    await q.query(`CREATE INDEX emails_search ON emails USING gin (search)`);

    // An email in a user's Communication Center: their synced mailbox, the mail they Bcc'd or
    // forwarded, the mail they sent from the CRM. Tabs read this table.
    await q.query(`
      CREATE TABLE mailbox_entries (
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        email_id integer NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        folder text NOT NULL CHECK (folder IN ('inbox', 'sent')),
        -- lower-cased From address: Suggested people group by it, search matches it
        sender_email text,
        -- the email's date, copied so a tab's page is one index range
        date timestamptz NOT NULL,
        read_at timestamptz,
        archived_at timestamptz,
        PRIMARY KEY (user_id, email_id)
      )`);
    await q.query(`CREATE INDEX mailbox_entries_folder ON mailbox_entries (account_id, user_id, folder, date DESC, email_id DESC) WHERE archived_at IS NULL`);
    await q.query(`CREATE INDEX mailbox_entries_archived ON mailbox_entries (account_id, user_id, date DESC, email_id DESC) WHERE archived_at IS NOT NULL`);
    await q.query(`CREATE INDEX mailbox_entries_sender ON mailbox_entries (account_id, user_id, sender_email, date DESC)`);
    await q.query(`CREATE INDEX mailbox_entries_email ON mailbox_entries (email_id)`);

    // Senders a user chose to ignore in Suggested people (deleting the row is the undo).
    await q.query(`
      CREATE TABLE ignored_senders (
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, user_id, email)
      )`);

    // Mail sent from the CRM: delivery through the relay and opens counted by the tracking pixel.
    await q.query(`
      CREATE TABLE email_tracking (
        email_id integer PRIMARY KEY REFERENCES emails(id) ON DELETE CASCADE,
        account_id integer NOT NULL,
        token text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        open_count integer NOT NULL DEFAULT 0,
        first_opened_at timestamptz,
        last_opened_at timestamptz
      )`);
    await q.query(`CREATE INDEX email_tracking_queue ON email_tracking (next_attempt_at) WHERE status = 'queued'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE email_tracking, ignored_senders, mailbox_entries`);
    await q.query(`DROP INDEX emails_search`);
    await q.query(`ALTER TABLE emails DROP COLUMN search, DROP COLUMN source`);
  }
}
