import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailboxSync1700000001100 implements MigrationInterface {
  name = 'MailboxSync1700000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    // A user's IMAP mailbox (one per user). The password is AES-256-GCM ciphertext, never plain.
    // claimed_until/claim_token lease the connection to one worker, so two replicas never sync it at once.
    await q.query(`
      CREATE TABLE mailbox_connections (
        id serial PRIMARY KEY,
        account_id integer NOT NULL,
        user_id integer NOT NULL,
        host text NOT NULL,
        port integer NOT NULL,
        tls boolean NOT NULL,
        starttls boolean NOT NULL DEFAULT false,
        username text NOT NULL,
        password_encrypted text NOT NULL,
        sent_folder text,
        status text NOT NULL DEFAULT 'connecting',
        last_error text,
        failures integer NOT NULL DEFAULT 0,
        last_synced_at timestamptz,
        next_sync_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        claim_token uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, user_id)
      )`);
    await q.query(`CREATE INDEX mailbox_connections_due ON mailbox_connections (next_sync_at)`);
    // Per folder: every message up to last_uid of this UIDVALIDITY is stored in raw_messages.
    await q.query(`
      CREATE TABLE mailbox_folders (
        connection_id integer NOT NULL REFERENCES mailbox_connections(id) ON DELETE CASCADE,
        folder text NOT NULL,
        path text NOT NULL,
        uid_validity bigint NOT NULL,
        last_uid bigint NOT NULL DEFAULT 0,
        synced integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, folder)
      )`);
    // Raw messages copied from a mailbox say where from; (connection, path, UIDVALIDITY, UID) is
    // stored once whatever retries or replicas do. No foreign key: mail already copied outlives
    // its connection.
    await q.query(`
      ALTER TABLE raw_messages
        ADD COLUMN mailbox_connection_id integer,
        ADD COLUMN mailbox_user_id integer,
        ADD COLUMN mailbox_folder text,
        ADD COLUMN mailbox_path text,
        ADD COLUMN mailbox_uid_validity bigint,
        ADD COLUMN mailbox_uid bigint,
        ADD CONSTRAINT raw_messages_mailbox_complete CHECK (
          (mailbox_connection_id IS NULL AND mailbox_user_id IS NULL AND mailbox_folder IS NULL AND mailbox_path IS NULL
             AND mailbox_uid_validity IS NULL AND mailbox_uid IS NULL)
          OR (mailbox_connection_id IS NOT NULL AND mailbox_user_id IS NOT NULL AND mailbox_folder IN ('inbox', 'sent')
             AND mailbox_path IS NOT NULL AND mailbox_uid_validity IS NOT NULL AND mailbox_uid IS NOT NULL))`);
    await q.query(`
      CREATE UNIQUE INDEX raw_messages_mailbox_uid ON raw_messages (mailbox_connection_id, mailbox_path, mailbox_uid_validity, mailbox_uid)
      WHERE mailbox_connection_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL search_path TO "${q.connection.driver.schema}"`);
    await q.query(`DROP INDEX raw_messages_mailbox_uid`);
    await q.query(`
      ALTER TABLE raw_messages DROP CONSTRAINT raw_messages_mailbox_complete, DROP COLUMN mailbox_connection_id, DROP COLUMN mailbox_user_id,
        DROP COLUMN mailbox_folder, DROP COLUMN mailbox_path, DROP COLUMN mailbox_uid_validity, DROP COLUMN mailbox_uid`);
    await q.query(`DROP TABLE mailbox_folders, mailbox_connections`);
  }
}
