import { MAILBOX_CONNECTION_STATUSES, MailboxConnectionDto, MailboxFolderProgress } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import type { ListSpec } from '../../http/list-query';

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const FOLDER_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    folder: { type: 'string', enum: ['inbox', 'sent'] },
    path: { type: 'string', description: 'the folder on the server' },
    uid_validity: { type: 'string', description: "the folder's UIDVALIDITY; a new one starts the folder over" },
    last_uid: { type: 'integer', description: 'every message up to this UID has been copied' },
    synced: { type: 'integer', description: 'messages copied' },
    skipped: { type: 'integer', description: 'messages over the size limit, left out' },
    total: { type: 'integer', description: 'messages in the folder when last opened' },
    updated_at: dateTime,
  } satisfies Properties<MailboxFolderProgress>,
};

export const MAILBOX_CONNECTION_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'a user\'s IMAP mailbox, synced into the Communication Center (the password is never shown)',
  properties: {
    id: int,
    user_id: int,
    host: str,
    port: int,
    tls: { type: 'boolean', description: 'implicit TLS (usually port 993)' },
    starttls: { type: 'boolean', description: 'upgrade a plain connection with STARTTLS (usually port 143), required when true' },
    username: str,
    sent_folder: { type: 'string', nullable: true, description: 'null: the folder marked \\Sent, else "Sent"' },
    status: { type: 'string', enum: [...MAILBOX_CONNECTION_STATUSES] },
    last_error: { type: 'string', nullable: true, description: 'why the last attempt failed (e.g. authentication failed, connection refused)' },
    failures: { type: 'integer', description: 'failed attempts in a row; each waits longer before the next (exponential backoff)' },
    last_synced_at: { ...dateTime, nullable: true },
    next_sync_at: dateTime,
    folders: { type: 'array', items: FOLDER_SCHEMA },
    created_at: dateTime,
    updated_at: dateTime,
  } satisfies Properties<MailboxConnectionDto>,
};

export const MAILBOX_CONNECTION_LIST: ListSpec = {
  resource: 'mailbox_connection',
  selectable: false,
  customFieldFilters: false,
  filters: { user_id: 'integer' },
};

