import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Communication Center for calls and text messages: telephony's state of each call and SMS
 * (keyed by Twilio's CallSid / MessageSid), read and ignored state, numbers in E.164 for
 * matching, and a copy of leads' and contacts' phone numbers (with lead status) fed by records'
 * events.
 */
export class PhoneCenter1700000000400 implements MigrationInterface {
  name = 'PhoneCenter1700000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);

    // `sid` is set on calls telephony reported (Sell's `external_id` shows it too, but clients may
    // write external_id freely, so it cannot be the key). `status_rank` and `status_at` order the
    // states: an event applies only if its state is later, or as late and newer.
    await q.query(`
      ALTER TABLE calls
        ADD COLUMN sid text,
        ADD COLUMN status text,
        ADD COLUMN status_rank smallint NOT NULL DEFAULT 0,
        ADD COLUMN status_at timestamptz,
        ADD COLUMN user_phone_e164 text,
        ADD COLUMN remote_phone_e164 text,
        ADD COLUMN recording_id integer,
        ADD COLUMN voicemail boolean NOT NULL DEFAULT false,
        ADD COLUMN ignored_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX calls_sid ON calls (account_id, sid) WHERE sid IS NOT NULL`);
    // The lists page one user's calls newest first (the order the list query writes: DESC NULLS
    // LAST, then id): all, unmatched (not ignored), missed. The counts read the partial indexes
    // alone (INCLUDE carries what the missed count filters on).
    const page = 'account_id, user_id, made_at DESC NULLS LAST, id DESC';
    await q.query(`CREATE INDEX calls_center ON calls (${page}) WHERE sid IS NOT NULL`);
    await q.query(`CREATE INDEX calls_center_unmatched ON calls (${page}) WHERE sid IS NOT NULL AND resource_type IS NULL AND ignored_at IS NULL`);
    await q.query(`CREATE INDEX calls_center_missed ON calls (${page}) INCLUDE (resource_type, ignored_at) WHERE sid IS NOT NULL AND missed`);
    // Matching finds the unmatched calls of a number when a record gains it.
    await q.query(`CREATE INDEX calls_remote_unmatched ON calls (account_id, remote_phone_e164) WHERE resource_type IS NULL AND remote_phone_e164 IS NOT NULL`);

    await q.query(`
      ALTER TABLE text_messages
        ADD COLUMN sid text,
        ADD COLUMN status text,
        ADD COLUMN status_rank smallint NOT NULL DEFAULT 0,
        ADD COLUMN status_at timestamptz,
        ADD COLUMN error_code text,
        ADD COLUMN error_message text,
        ADD COLUMN user_phone_e164 text,
        ADD COLUMN remote_phone_e164 text,
        ADD COLUMN read_at timestamptz,
        ADD COLUMN ignored_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX text_messages_sid ON text_messages (account_id, sid) WHERE sid IS NOT NULL`);
    const textPage = 'account_id, user_id, sent_at DESC NULLS LAST, id DESC';
    await q.query(`CREATE INDEX text_messages_center ON text_messages (${textPage}) WHERE sid IS NOT NULL`);
    await q.query(`
      CREATE INDEX text_messages_center_unmatched ON text_messages (${textPage})
        WHERE sid IS NOT NULL AND resource_type IS NULL AND ignored_at IS NULL`);
    await q.query(`
      CREATE INDEX text_messages_center_unread ON text_messages (${textPage}) INCLUDE (resource_type, ignored_at)
        WHERE sid IS NOT NULL AND incoming AND read_at IS NULL`);
    // A conversation is one user's messages with one number; matching also looks numbers up.
    await q.query(`CREATE INDEX text_messages_remote ON text_messages (account_id, remote_phone_e164, user_id) WHERE remote_phone_e164 IS NOT NULL`);

    // Leads' and contacts' numbers (phone, mobile) in E.164, and a lead's status, copied from
    // records' events; `source_updated_at` keeps an older event from overwriting a newer one.
    // A converted lead keeps its numbers in records, but its contact takes over the matching.
    await q.query(`
      CREATE TABLE record_phones (
        account_id integer NOT NULL,
        resource_type text NOT NULL CHECK (resource_type IN ('lead', 'contact')),
        resource_id integer NOT NULL,
        phones text[] NOT NULL DEFAULT '{}',
        lead_status text,
        converted boolean NOT NULL DEFAULT false,
        source_updated_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, resource_type, resource_id)
      )`);
    await q.query(`CREATE INDEX record_phones_numbers ON record_phones USING gin (phones)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP TABLE record_phones`);
    await q.query(`DROP INDEX text_messages_remote, text_messages_center_unread, text_messages_center_unmatched, text_messages_center, text_messages_sid`);
    await q.query(`
      ALTER TABLE text_messages
        DROP COLUMN sid, DROP COLUMN status, DROP COLUMN status_rank, DROP COLUMN status_at, DROP COLUMN error_code,
        DROP COLUMN error_message, DROP COLUMN user_phone_e164, DROP COLUMN remote_phone_e164, DROP COLUMN read_at, DROP COLUMN ignored_at`);
    await q.query(`DROP INDEX calls_remote_unmatched, calls_center_missed, calls_center_unmatched, calls_center, calls_sid`);
    await q.query(`
      ALTER TABLE calls
        DROP COLUMN sid, DROP COLUMN status, DROP COLUMN status_rank, DROP COLUMN status_at, DROP COLUMN user_phone_e164,
        DROP COLUMN remote_phone_e164, DROP COLUMN recording_id, DROP COLUMN voicemail, DROP COLUMN ignored_at`);
  }
}
