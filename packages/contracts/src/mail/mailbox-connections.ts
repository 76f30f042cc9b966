import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Page } from '../common/list-query';
import type { CreateRequest, DeleteRequest, GetRequest, ListRequest, UpdateRequest } from '../records/payloads';

/**
 * Mailbox connections (IMAP sync) answered by the mail-ingest service (issue 6). Subjects,
 * payloads and replies live here; `MailboxConnectionRequestMap` is merged into the one RequestMap.
 */
export const MailboxConnectionRequests = {
  /** The actor's own connection; every connection of the account for admins (manage settings). */
  ListMailboxConnections: 'mail-ingest.mailbox-connections.list.v1',
  GetMailboxConnection: 'mail-ingest.mailbox-connections.get.v1',
  /** Connect the actor's own mailbox (one per user). */
  CreateMailboxConnection: 'mail-ingest.mailbox-connections.create.v1',
  /** Change the owner's server settings or credentials: the sync starts over from `connecting`. */
  UpdateMailboxConnection: 'mail-ingest.mailbox-connections.update.v1',
  /** Disconnect: the sync stops; mail already copied stays. */
  DeleteMailboxConnection: 'mail-ingest.mailbox-connections.delete.v1',
} as const;

/**
 * What a user sends to connect (or reconnect) their IMAP mailbox. On create host, port, tls,
 * username and password are required; on update every attribute is optional. `tls` is implicit
 * TLS (usually port 993); `starttls` upgrades a plain connection (usually port 143) and refuses
 * to go on without it. `sent_folder` null or absent: the folder marked \Sent, else "Sent".
 */
export class MailboxConnectionAttributes {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(253)
  @Matches(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)$/, { message: 'host must be a host name or an IP address' })
  host?: string;
  @IsOptional() @IsInt() @Min(1) @Max(65535) port?: number;
  @IsOptional() @IsBoolean() tls?: boolean;
  @IsOptional() @IsBoolean() starttls?: boolean;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(320) username?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(1024) password?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(255) @Matches(/^[^\r\n\0]+$/, { message: 'sent_folder must not contain line breaks' })
  sent_folder?: string | null;
}

export const MAILBOX_CONNECTION_STATUSES = ['connecting', 'syncing', 'idle', 'error'] as const;
/** connecting: not yet reached with these settings; syncing: copying messages; idle: up to date, polling; error: see last_error. */
export type MailboxConnectionStatus = (typeof MAILBOX_CONNECTION_STATUSES)[number];
export type MailboxFolderRole = 'inbox' | 'sent';

/** How far the sync of one folder has come (per UIDVALIDITY: a new one starts the folder over). */
export interface MailboxFolderProgress {
  folder: MailboxFolderRole;
  /** The folder's name on the server ("INBOX", "Sent", "[Gmail]/Sent Mail"). */
  path: string;
  /** The server's UIDVALIDITY (a 32-bit number, as a string). */
  uid_validity: string;
  /** Every message up to this UID has been copied. */
  last_uid: number;
  /** Messages copied from this folder (for this UIDVALIDITY). */
  synced: number;
  /** Messages left out because they are larger than the ingest size limit. */
  skipped: number;
  /** Messages in the folder when it was last opened. */
  total: number;
  updated_at: string;
}

/** A connection as the API shows it: never the password. */
export interface MailboxConnectionDto {
  id: number;
  user_id: number;
  host: string;
  port: number;
  tls: boolean;
  starttls: boolean;
  username: string;
  /** As configured; null: detected (the \Sent folder, else "Sent"). */
  sent_folder: string | null;
  status: MailboxConnectionStatus;
  last_error: string | null;
  /** Failed attempts in a row; the next one waits longer each time (exponential backoff). */
  failures: number;
  last_synced_at: string | null;
  next_sync_at: string;
  folders: MailboxFolderProgress[];
  created_at: string;
  updated_at: string;
}

export interface MailboxConnectionRequestMap {
  [MailboxConnectionRequests.ListMailboxConnections]: { request: ListRequest; reply: Page<MailboxConnectionDto> };
  [MailboxConnectionRequests.GetMailboxConnection]: { request: GetRequest; reply: MailboxConnectionDto };
  [MailboxConnectionRequests.CreateMailboxConnection]: { request: CreateRequest; reply: MailboxConnectionDto };
  [MailboxConnectionRequests.UpdateMailboxConnection]: { request: UpdateRequest; reply: MailboxConnectionDto };
  [MailboxConnectionRequests.DeleteMailboxConnection]: { request: DeleteRequest; reply: { deleted: true } };
}
