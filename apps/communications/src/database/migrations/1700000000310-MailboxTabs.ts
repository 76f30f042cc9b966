import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the Communication Center's tabs need to stay one index range each: whether an entry's
 * email is filed on a lead or contact (Inbox vs Suggested people), kept by the database itself,
 * and indexes for the tabs, the unread counts, Suggested people and search by address.
 */
export class MailboxTabs1700000000310 implements MigrationInterface {
  name = 'MailboxTabs1700000000310';

  async up(q: QueryRunner): Promise<void> {
    const schema = q.connection.driver.schema;
    await q.query(`SET LOCAL search_path TO "${schema}"`);

    // True when the entry's email has a lead or contact link. Triggers keep it, whoever writes
    // entries or links (ingest, conversions, deletions, CRM sending, Suggested people): every
    // writer of an email's links locks the email first, so the triggers never race each other.
    await q.query(`ALTER TABLE mailbox_entries ADD COLUMN linked boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE mailbox_entries m SET linked = true
      WHERE EXISTS (SELECT 1 FROM email_links l WHERE l.email_id = m.email_id AND l.resource_type IN ('lead', 'contact'))`);
    await q.query(`
      CREATE FUNCTION mailbox_entry_linked() RETURNS trigger LANGUAGE plpgsql SET search_path = "${schema}" AS $$
      BEGIN
        NEW.linked := EXISTS (SELECT 1 FROM email_links l WHERE l.email_id = NEW.email_id AND l.resource_type IN ('lead', 'contact'));
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER mailbox_entries_linked BEFORE INSERT ON mailbox_entries
      FOR EACH ROW EXECUTE FUNCTION mailbox_entry_linked()`);
    await q.query(`
      CREATE FUNCTION mailbox_entries_follow_links() RETURNS trigger LANGUAGE plpgsql SET search_path = "${schema}" AS $$
      BEGIN
        UPDATE mailbox_entries m SET linked = c.linked
        FROM (
          SELECT e.email_id,
                 EXISTS (SELECT 1 FROM email_links l WHERE l.email_id = e.email_id AND l.resource_type IN ('lead', 'contact')) AS linked
          FROM (SELECT DISTINCT email_id FROM changed_links) e
        ) c
        WHERE m.email_id = c.email_id AND m.linked <> c.linked;
        RETURN NULL;
      END $$`);
    for (const [event, table] of [['INSERT', 'NEW'], ['UPDATE', 'NEW'], ['DELETE', 'OLD']]) {
      await q.query(`
        CREATE TRIGGER email_links_${event.toLowerCase()}_mailbox AFTER ${event} ON email_links
        REFERENCING ${table} TABLE AS changed_links
        FOR EACH STATEMENT EXECUTE FUNCTION mailbox_entries_follow_links()`);
    }

    // A page of Inbox or Suggested people: one range of the user's unarchived inbox entries.
    await q.query(`
      CREATE INDEX mailbox_entries_inbox ON mailbox_entries (account_id, user_id, date DESC, email_id DESC)
      WHERE folder = 'inbox' AND archived_at IS NULL AND linked`);
    await q.query(`
      CREATE INDEX mailbox_entries_suggested ON mailbox_entries (account_id, user_id, date DESC, email_id DESC)
      WHERE folder = 'inbox' AND archived_at IS NULL AND NOT linked`);
    // Suggested people grouped by sender, and a sender's entries when they are added or ignored.
    await q.query(`
      CREATE INDEX mailbox_entries_suggested_senders ON mailbox_entries (account_id, user_id, sender_email, date DESC, email_id DESC)
      INCLUDE (read_at) WHERE folder = 'inbox' AND archived_at IS NULL AND NOT linked`);
    // Unread counts read only the (few) unread entries.
    await q.query(`
      CREATE INDEX mailbox_entries_unread ON mailbox_entries (account_id, user_id, linked, sender_email)
      WHERE folder = 'inbox' AND archived_at IS NULL AND read_at IS NULL`);

    // Search by address in To/Cc, and a sender's past emails across the account.
    await q.query(`
      CREATE INDEX emails_recipient_addresses ON emails
      USING gin ((lower(jsonb_path_query_array(to_addresses || cc_addresses, '$[*].email')::text)::jsonb))`);
    await q.query(`CREATE INDEX emails_sender_address ON emails (account_id, lower(from_address ->> 'email'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP INDEX emails_sender_address, emails_recipient_addresses`);
    await q.query(`DROP INDEX mailbox_entries_unread, mailbox_entries_suggested_senders, mailbox_entries_suggested, mailbox_entries_inbox`);
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER email_links_${event}_mailbox ON email_links`);
    await q.query(`DROP TRIGGER mailbox_entries_linked ON mailbox_entries`);
    await q.query(`DROP FUNCTION mailbox_entries_follow_links(), mailbox_entry_linked()`);
    await q.query(`ALTER TABLE mailbox_entries DROP COLUMN linked`);
  }
}
