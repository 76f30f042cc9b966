import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A record's activity: a copy of records' notes, stars, named threads, and email conversations
 * (automatic threading), plus the indexes that let the activity feed page each kind of item by
 * its own date.
 */
export class CommunicationActivities1700000000330 implements MigrationInterface {
  name = 'CommunicationActivities1700000000330';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);

    // records' notes, fed by records.note.* events (communications never reads records' tables).
    await q.query(`
      CREATE TABLE note_copies (
        id integer PRIMARY KEY,
        account_id integer NOT NULL,
        creator_id integer NOT NULL,
        content text NOT NULL,
        resource_type text NOT NULL CHECK (resource_type IN ('lead', 'contact', 'deal')),
        resource_id integer NOT NULL,
        is_important boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX note_copies_resource ON note_copies (account_id, resource_type, resource_id, created_at DESC, id DESC)`);

    // The feed reads each record's emails, calls, texts and notes newest first, one index range
    // each. A link carries its email's date for that: filled by a trigger, so every code path that
    // links emails (ingest, record sync, suggested people, sending) gets it without knowing.
    const schema = q.connection.driver.schema;
    await q.query(`ALTER TABLE email_links ADD COLUMN email_date timestamptz`);
    await q.query(`UPDATE email_links l SET email_date = e.date FROM emails e WHERE e.id = l.email_id`);
    await q.query(`ALTER TABLE email_links ALTER COLUMN email_date SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION email_link_date() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT e.date INTO NEW.email_date FROM "${schema}".emails e WHERE e.id = NEW.email_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER email_links_date BEFORE INSERT OR UPDATE OF email_id ON email_links FOR EACH ROW EXECUTE FUNCTION email_link_date()`);
    // Nothing changes an email's date today; should something, its links follow.
    await q.query(`
      CREATE FUNCTION email_date_to_links() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "${schema}".email_links SET email_date = NEW.date WHERE email_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER emails_date_to_links AFTER UPDATE OF date ON emails
      FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date) EXECUTE FUNCTION email_date_to_links()`);
    await q.query(`CREATE INDEX email_links_feed ON email_links (account_id, resource_type, resource_id, email_date DESC, email_id DESC)`);
    await q.query(`CREATE INDEX calls_resource_made ON calls (account_id, resource_type, resource_id, made_at DESC, id DESC)`);
    await q.query(`CREATE INDEX text_messages_resource_sent ON text_messages (account_id, resource_type, resource_id, sent_at DESC, id DESC)`);

    // One star per item, shared by everyone who sees the item. One column per kind of item, so
    // that a deleted email, text or note takes its star with it.
    await q.query(`
      CREATE TABLE stars (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        email_id integer UNIQUE REFERENCES emails(id) ON DELETE CASCADE,
        text_message_id integer UNIQUE REFERENCES text_messages(id) ON DELETE CASCADE,
        note_id integer UNIQUE REFERENCES note_copies(id) ON DELETE CASCADE,
        starred_by_id integer NOT NULL,
        starred_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(email_id, text_message_id, note_id) = 1)
      )`);

    await q.query(`
      CREATE TABLE threads (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        resource_type text NOT NULL CHECK (resource_type IN ('lead', 'contact', 'deal')),
        resource_id integer NOT NULL,
        name text NOT NULL,
        creator_id integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX threads_resource ON threads (account_id, resource_type, resource_id, id)`);

    // Removing an item from a thread deletes this row, never the message; a deleted message
    // leaves its threads with it.
    await q.query(`
      CREATE TABLE thread_items (
        thread_id integer NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        account_id integer NOT NULL,
        email_id integer REFERENCES emails(id) ON DELETE CASCADE,
        call_id integer REFERENCES calls(id) ON DELETE CASCADE,
        text_message_id integer REFERENCES text_messages(id) ON DELETE CASCADE,
        note_id integer REFERENCES note_copies(id) ON DELETE CASCADE,
        added_by_id integer NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(email_id, call_id, text_message_id, note_id) = 1)
      )`);
    // Item first: the feed looks up an item's threads, and a deleted item finds its rows.
    for (const column of ['email_id', 'call_id', 'text_message_id', 'note_id']) {
      await q.query(`CREATE UNIQUE INDEX thread_items_${column} ON thread_items (${column}, thread_id) WHERE ${column} IS NOT NULL`);
    }
    await q.query(`CREATE INDEX thread_items_thread ON thread_items (thread_id)`);

    // Email conversations. The subject key and participants serve the fallback match of a new
    // email on normalised subject + overlapping addresses; `manual` marks a conversation that a
    // user split or merged: the automatic pass never merges it into another.
    await q.query(`
      CREATE TABLE conversations (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        subject_key text,
        participants text[] NOT NULL DEFAULT '{}',
        first_date timestamptz NOT NULL,
        last_date timestamptz NOT NULL,
        manual boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX conversations_subject ON conversations (account_id, subject_key, last_date DESC) WHERE subject_key IS NOT NULL`);

    // Every email gets a conversation from the threading pass, which works through the NULLs.
    await q.query(`ALTER TABLE emails ADD COLUMN conversation_id integer REFERENCES conversations(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX emails_unthreaded ON emails (id) WHERE conversation_id IS NULL`);
    await q.query(`CREATE INDEX emails_conversation ON emails (conversation_id, date, id) WHERE conversation_id IS NOT NULL`);
    // A late parent finds the children that already name it.
    await q.query(`CREATE INDEX emails_in_reply_to ON emails (account_id, in_reply_to) WHERE in_reply_to IS NOT NULL`);
    await q.query(`CREATE INDEX emails_references ON emails USING gin (reference_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP INDEX emails_references, emails_in_reply_to, emails_conversation, emails_unthreaded`);
    await q.query(`ALTER TABLE emails DROP COLUMN conversation_id`);
    await q.query(`DROP TABLE conversations, thread_items, threads, stars`);
    await q.query(`DROP INDEX text_messages_resource_sent, calls_resource_made, email_links_feed`);
    await q.query(`DROP TRIGGER emails_date_to_links ON emails`);
    await q.query(`DROP TRIGGER email_links_date ON email_links`);
    await q.query(`DROP FUNCTION email_date_to_links(), email_link_date()`);
    await q.query(`ALTER TABLE email_links DROP COLUMN email_date`);
    await q.query(`DROP TABLE note_copies`);
  }
}
