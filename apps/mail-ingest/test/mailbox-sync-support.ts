import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type { IngestLogEntry, MailboxConnectionDto, MailMessageReceivedEvent } from '@crm/contracts';
import { outboxEvents, type Stack } from '@crm/testing';
import { mailIngestService } from '../src/app';
import { eventually } from './mail-helpers';

/** A key for this run, quick polls and short backoff so that the tests wait seconds, not minutes. */
export function mailboxSettings(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    MAILBOX_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    MAILBOX_POLL_SECONDS: '1',
    MAILBOX_RETRY_BASE_SECONDS: '1',
    MAILBOX_RETRY_MAX_SECONDS: '2',
    ...overrides,
  };
}

export async function getConnection(gatewayUrl: string, auth: Record<string, string>, id: number): Promise<MailboxConnectionDto> {
  const res = await request(gatewayUrl).get(`/v2/mailbox_connections/${id}`).set(auth);
  if (res.status !== 200) throw new Error(`GET /v2/mailbox_connections/${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

/** The connection once `ready` says so (generous: the machine is shared). */
export function waitForConnection(
  gatewayUrl: string,
  auth: Record<string, string>,
  id: number,
  ready: (connection: MailboxConnectionDto) => boolean,
  timeoutMs = 45_000,
): Promise<MailboxConnectionDto> {
  return eventually(async () => {
    const connection = await getConnection(gatewayUrl, auth, id);
    return ready(connection) ? connection : undefined;
  }, timeoutMs);
}

/** Synced up to these UIDs and idle. */
export function syncedTo(inbox: number, sent: number): (connection: MailboxConnectionDto) => boolean {
  return (connection) => {
    const lastUid = (folder: 'inbox' | 'sent') => connection.folders.find((f) => f.folder === folder)?.last_uid ?? 0;
    return connection.status === 'idle' && lastUid('inbox') === inbox && lastUid('sent') === sent;
  };
}

export interface MailboxRawRow {
  id: string;
  status: string;
  message_id: string | null;
  subject: string | null;
  mailbox_folder: string;
  mailbox_path: string;
  mailbox_uid_validity: string;
  mailbox_uid: string;
  log: IngestLogEntry[];
}

/** Reads mail-ingest's tables as they are (what the API does not show: ciphertext, raw rows, the outbox). */
export class MailIngestTables {
  private constructor(private readonly client: Client) {}

  static async open(stack: Stack): Promise<MailIngestTables> {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    return new MailIngestTables(client);
  }

  async query<T extends object>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.client.query<T>(sql, parameters)).rows;
  }

  rawRows(connectionId: number): Promise<MailboxRawRow[]> {
    return this.query<MailboxRawRow>(
      `SELECT id, status, message_id, subject, mailbox_folder, mailbox_path, mailbox_uid_validity, mailbox_uid, log
       FROM mail_ingest.raw_messages WHERE mailbox_connection_id = $1 ORDER BY id`,
      [connectionId],
    );
  }

  /** The `mail.message.received.v1` events published for mail copied from a mailbox. */
  async mailboxEvents(accountId: number): Promise<MailMessageReceivedEvent[]> {
    const rows = await this.query<{ payload: MailMessageReceivedEvent }>(
      `SELECT payload FROM ${outboxEvents('mail_ingest')} WHERE subject = 'mail.message.received.v1' AND account_id = $1 AND payload->>'source' = 'mailbox' ORDER BY id, position`,
      [accountId],
    );
    return rows.map((row) => row.payload);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** Stop the stack's mail-ingest service and start a fresh one on the same database (a restart, or a redeploy). */
export async function restartMailIngest(stack: Stack, between: () => Promise<void> = async () => undefined): Promise<void> {
  const index = stack.services.findIndex((service) => service.name === 'mail-ingest');
  await stack.services[index].close();
  await between();
  stack.services[index] = await mailIngestService.start(stack.runtime('mail-ingest'), {});
}
