import { MigrationInterface, QueryRunner } from 'typeorm';

/** An entry of Suggested people: unarchived, in the inbox, from a sender, on no lead or contact. */
const SUGGESTED = (r: string) => `${r}.folder = 'inbox' AND ${r}.archived_at IS NULL AND NOT ${r}.linked AND ${r}.sender_email IS NOT NULL`;
const ENTRY_COLUMNS = 'account_id, user_id, email_id, folder, sender_email, date, read_at, archived_at, linked';

type Operation = 'INSERT' | 'UPDATE' | 'DELETE';

/** The changed entries of one statement: +1 for each new row version, -1 for each old one. */
function changedEntries(op: Operation): string {
  const parts: string[] = [];
  if (op !== 'DELETE') parts.push(`SELECT 1 AS sign, ${ENTRY_COLUMNS} FROM new_entries`);
  if (op !== 'INSERT') parts.push(`SELECT -1 AS sign, ${ENTRY_COLUMNS} FROM old_entries`);
  return parts.join(' UNION ALL ');
}

/**
 * Keeps the per-user counters and per-sender aggregates in step with one statement's changes
 * to mailbox_entries. Counts move by deltas (`x = x + d` re-reads the row once it holds the
 * lock, so concurrent writers add up exactly); a sender's latest email, when the latest one
 * left, is read again in a later statement, which sees every commit made before this
 * transaction locked the sender's row.
 */
function aggregatesFunction(op: Operation): string {
  const relookLatest = `
    UPDATE mailbox_senders s SET (last_date, last_email_id) = (
      SELECT m.date, m.email_id FROM mailbox_entries m
      WHERE m.account_id = s.account_id AND m.user_id = s.user_id AND m.sender_email = s.sender_email AND ${SUGGESTED('m')}
      ORDER BY m.date DESC, m.email_id DESC LIMIT 1)
    FROM old_entries o
    WHERE ${SUGGESTED('o')} AND s.account_id = o.account_id AND s.user_id = o.user_id AND s.sender_email = o.sender_email
      AND s.last_email_id = o.email_id
      ${op === 'UPDATE' ? `AND NOT EXISTS (SELECT 1 FROM new_entries n WHERE n.user_id = o.user_id AND n.email_id = o.email_id AND ${SUGGESTED('n')})` : ''};`;
  return `
  BEGIN
    WITH r AS (${changedEntries(op)})
    INSERT INTO mailbox_counters AS c (account_id, user_id, inbox_total, inbox_unread, sent_total, archived_total)
    SELECT account_id, user_id,
           sum(sign * (folder = 'inbox' AND archived_at IS NULL AND linked)::int),
           sum(sign * (folder = 'inbox' AND archived_at IS NULL AND linked AND read_at IS NULL)::int),
           sum(sign * (folder = 'sent' AND archived_at IS NULL)::int),
           sum(sign * (archived_at IS NOT NULL)::int)
    FROM r GROUP BY account_id, user_id ORDER BY account_id, user_id
    ON CONFLICT (account_id, user_id) DO UPDATE SET
      inbox_total = c.inbox_total + EXCLUDED.inbox_total,
      inbox_unread = c.inbox_unread + EXCLUDED.inbox_unread,
      sent_total = c.sent_total + EXCLUDED.sent_total,
      archived_total = c.archived_total + EXCLUDED.archived_total
    WHERE (EXCLUDED.inbox_total, EXCLUDED.inbox_unread, EXCLUDED.sent_total, EXCLUDED.archived_total) <> (0, 0, 0, 0);

    WITH r AS (SELECT * FROM (${changedEntries(op)}) r WHERE ${SUGGESTED('r')})
    INSERT INTO mailbox_senders AS s (account_id, user_id, sender_email, messages, unread, last_date, last_email_id)
    SELECT account_id, user_id, sender_email, sum(sign), sum(sign * (read_at IS NULL)::int),
           max(date) FILTER (WHERE sign = 1),
           (array_agg(email_id ORDER BY date DESC, email_id DESC) FILTER (WHERE sign = 1))[1]
    FROM r GROUP BY account_id, user_id, sender_email ORDER BY account_id, user_id, sender_email
    ON CONFLICT (account_id, user_id, sender_email) DO UPDATE SET
      messages = s.messages + EXCLUDED.messages,
      unread = s.unread + EXCLUDED.unread,
      (last_date, last_email_id) = (
        SELECT d, id FROM (VALUES (s.last_date, s.last_email_id), (EXCLUDED.last_date, EXCLUDED.last_email_id)) v(d, id)
        WHERE d IS NOT NULL ORDER BY d DESC, id DESC LIMIT 1);
    ${op === 'INSERT' ? '' : relookLatest}
    RETURN NULL;
  END`;
}

/**
 * What the Communication Center's tabs need to answer from one index range, and its counts and
 * Suggested people from a few rows, whatever the size of a mailbox:
 * - `mailbox_entries.linked`: whether the entry's email is on a lead or contact (Inbox vs
 *   Suggested people);
 * - `mailbox_counters`: per user, the size of each tab and the unread in Inbox;
 * - `mailbox_senders`: per user and sender, their Suggested people messages, unread and latest.
 * Triggers keep all three, whoever writes entries or links (ingest, conversions, deletions, CRM
 * sending, Suggested people). Every writer of an email's links locks the email first, so the
 * link triggers never race each other.
 */
export class MailboxTabs1700000000310 implements MigrationInterface {
  name = 'MailboxTabs1700000000310';

  async up(q: QueryRunner): Promise<void> {
    const schema = q.connection.driver.schema;
    await q.query(`SET LOCAL search_path TO "${schema}"`);

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
    await q.query(`CREATE TRIGGER mailbox_entries_linked BEFORE INSERT ON mailbox_entries FOR EACH ROW EXECUTE FUNCTION mailbox_entry_linked()`);
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

    await q.query(`
      CREATE TABLE mailbox_counters (
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        inbox_total integer NOT NULL DEFAULT 0,
        inbox_unread integer NOT NULL DEFAULT 0,
        sent_total integer NOT NULL DEFAULT 0,
        archived_total integer NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE mailbox_senders (
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        -- lower-cased, as in mailbox_entries
        sender_email text NOT NULL,
        messages integer NOT NULL DEFAULT 0,
        unread integer NOT NULL DEFAULT 0,
        last_date timestamptz,
        last_email_id integer,
        PRIMARY KEY (account_id, user_id, sender_email)
      )`);
    // A page of Suggested people: the user's senders with messages, latest first.
    await q.query(`CREATE INDEX mailbox_senders_latest ON mailbox_senders (account_id, user_id, last_date DESC, sender_email) WHERE messages > 0`);
    await q.query(`
      INSERT INTO mailbox_counters (account_id, user_id, inbox_total, inbox_unread, sent_total, archived_total)
      SELECT account_id, user_id,
             count(*) FILTER (WHERE folder = 'inbox' AND archived_at IS NULL AND linked),
             count(*) FILTER (WHERE folder = 'inbox' AND archived_at IS NULL AND linked AND read_at IS NULL),
             count(*) FILTER (WHERE folder = 'sent' AND archived_at IS NULL),
             count(*) FILTER (WHERE archived_at IS NOT NULL)
      FROM mailbox_entries GROUP BY account_id, user_id`);
    await q.query(`
      INSERT INTO mailbox_senders (account_id, user_id, sender_email, messages, unread, last_date, last_email_id)
      SELECT account_id, user_id, sender_email, count(*), count(*) FILTER (WHERE read_at IS NULL), max(date),
             (array_agg(email_id ORDER BY date DESC, email_id DESC))[1]
      FROM mailbox_entries m WHERE ${SUGGESTED('m')}
      GROUP BY account_id, user_id, sender_email`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      const lower = op.toLowerCase();
      const tables = { INSERT: 'NEW TABLE AS new_entries', UPDATE: 'OLD TABLE AS old_entries NEW TABLE AS new_entries', DELETE: 'OLD TABLE AS old_entries' }[op];
      await q.query(`CREATE FUNCTION mailbox_aggregates_after_${lower}() RETURNS trigger LANGUAGE plpgsql SET search_path = "${schema}" AS $$${aggregatesFunction(op)}$$`);
      await q.query(`
        CREATE TRIGGER mailbox_entries_${lower}_aggregates AFTER ${op} ON mailbox_entries
        REFERENCING ${tables}
        FOR EACH STATEMENT EXECUTE FUNCTION mailbox_aggregates_after_${lower}()`);
    }

    // A page of Inbox or of the Suggested tab: one range of the user's unarchived inbox entries.
    await q.query(`
      CREATE INDEX mailbox_entries_inbox ON mailbox_entries (account_id, user_id, date DESC, email_id DESC)
      WHERE folder = 'inbox' AND archived_at IS NULL AND linked`);
    await q.query(`
      CREATE INDEX mailbox_entries_suggested ON mailbox_entries (account_id, user_id, date DESC, email_id DESC)
      WHERE folder = 'inbox' AND archived_at IS NULL AND NOT linked`);

    // Search by address in To/Cc, and a sender's past emails across the account.
    await q.query(`
      CREATE INDEX emails_recipient_addresses ON emails
      USING gin ((lower(jsonb_path_query_array(to_addresses || cc_addresses, '$[*].email')::text)::jsonb))`);
    await q.query(`CREATE INDEX emails_sender_address ON emails (account_id, lower(from_address ->> 'email'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP INDEX emails_sender_address, emails_recipient_addresses, mailbox_entries_suggested, mailbox_entries_inbox`);
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER mailbox_entries_${op}_aggregates ON mailbox_entries`);
      await q.query(`DROP FUNCTION mailbox_aggregates_after_${op}()`);
      await q.query(`DROP TRIGGER email_links_${op}_mailbox ON email_links`);
    }
    await q.query(`DROP TABLE mailbox_senders, mailbox_counters`);
    await q.query(`DROP TRIGGER mailbox_entries_linked ON mailbox_entries`);
    await q.query(`DROP FUNCTION mailbox_entries_follow_links(), mailbox_entry_linked()`);
    await q.query(`ALTER TABLE mailbox_entries DROP COLUMN linked`);
  }
}
