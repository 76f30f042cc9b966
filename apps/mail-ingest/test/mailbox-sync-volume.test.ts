import request from 'supertest';
import { rawMessage, Stack, startStack, TestImapServer } from '@crm/testing';
import { mailIngestService } from '../src/app';
import { eventually } from './mail-helpers';
import { MailIngestTables, mailboxSettings, restartMailIngest, syncedTo, waitForConnection } from './mailbox-sync-support';

const MESSAGES = 2000;
const BATCH = 200;

/**
 * A large mailbox is copied in batches, each stored with the folder's progress in one
 * transaction: when a batch fails half way (here a simulated crash at its commit) and the
 * service restarts, the sync goes on after the last stored batch and stores nothing twice.
 */
describe('Mailbox sync of a large mailbox', () => {
  let imap: TestImapServer;
  let stack: Stack;
  let tables: MailIngestTables;

  beforeAll(async () => {
    imap = await TestImapServer.start();
    imap.setUser('bulk', 'bulk-pass');
    stack = await startStack({ services: ['records', mailIngestService, 'gateway'], settings: mailboxSettings({ MAILBOX_BATCH_SIZE: String(BATCH) }) });
    tables = await MailIngestTables.open(stack);
  });

  afterAll(async () => {
    await tables?.query('DROP FUNCTION IF EXISTS mail_ingest.test_crash_after_uid_1000() CASCADE').catch(() => undefined);
    await tables?.close();
    await stack?.stop();
    await imap?.destroy();
  });

  it(`syncs ${MESSAGES} messages in batches of ${BATCH}, resuming after the last stored batch when a sync dies half way`, async () => {
    const { auth, accountId } = await stack.createAccount();
    const messages = Array.from({ length: MESSAGES }, (_, i) =>
      rawMessage({ from: `sender-${i}@outside.example`, to: 'bulk@company.example', subject: `Bulk ${i}`, messageId: `<bulk-${i}-${Date.now()}@outside.example>` }),
    );
    await imap.append('bulk', 'INBOX', messages, 4);

    // The commit of any batch beyond UID 1000 fails, as if the process died just before it.
    await tables.query(`
      CREATE FUNCTION mail_ingest.test_crash_after_uid_1000() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.last_uid > 1000 THEN RAISE EXCEPTION 'simulated crash before commit'; END IF;
        RETURN NEW;
      END $$`);
    await tables.query(`CREATE TRIGGER test_crash BEFORE UPDATE ON mail_ingest.mailbox_folders FOR EACH ROW EXECUTE FUNCTION mail_ingest.test_crash_after_uid_1000()`);

    const id: number = (
      await request(stack.gatewayUrl).post('/v2/mailbox_connections').set(auth).send({ data: { host: '127.0.0.1', port: imap.port, tls: false, username: 'bulk', password: 'bulk-pass' } }).expect(200)
    ).body.data.id;
    const failed = await waitForConnection(stack.gatewayUrl, auth, id, (c) => c.status === 'error');
    expect(failed.last_error).toContain('simulated crash before commit');

    await restartMailIngest(stack, async () => {
      // While it is down: exactly the first five batches are stored, and the progress says so.
      const [inbox] = await tables.query<{ last_uid: string; synced: number }>(`SELECT last_uid, synced FROM mail_ingest.mailbox_folders WHERE connection_id = $1`, [id]);
      expect(inbox).toEqual({ last_uid: '1000', synced: 1000 });
      const stored = await tables.rawRows(id);
      expect(stored.map((row) => Number(row.mailbox_uid)).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      await tables.query('DROP TRIGGER test_crash ON mail_ingest.mailbox_folders');
    });

    const done = await waitForConnection(stack.gatewayUrl, auth, id, syncedTo(MESSAGES, 0), 60_000);
    expect(done.folders[0]).toMatchObject({ last_uid: MESSAGES, synced: MESSAGES, total: MESSAGES, skipped: 0 });
    const rows = await tables.rawRows(id);
    expect(rows).toHaveLength(MESSAGES);
    expect(new Set(rows.map((row) => row.mailbox_uid)).size).toBe(MESSAGES);

    // Every message is filed once and published once (strangers: no links, for Suggested people).
    await eventually(async () => {
      const [{ filed }] = await tables.query<{ filed: string }>(`SELECT count(*) AS filed FROM mail_ingest.raw_messages WHERE mailbox_connection_id = $1 AND status = 'filed'`, [id]);
      return Number(filed) === MESSAGES ? true : undefined;
    }, 60_000);
    const events = await tables.mailboxEvents(accountId);
    expect(events).toHaveLength(MESSAGES);
    expect(new Set(events.map((event) => event.messageId)).size).toBe(MESSAGES);
    expect(events.every((event) => event.links.length === 0 && event.mailbox?.folder === 'inbox')).toBe(true);
  });
});
