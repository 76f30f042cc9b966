import { Injectable } from '@nestjs/common';
import { ImapFlow } from 'imapflow';

export interface ImapSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte. */
  tls: boolean;
  /** Upgrade a plain connection with STARTTLS, and refuse to log in without it. */
  starttls: boolean;
  username: string;
  password: string;
}

export interface OpenedFolder {
  path: string;
  uidValidity: bigint;
  uidNext: number;
  exists: number;
}

export interface MessageSize {
  uid: number;
  size: number;
}

/** A folder the connection is told to read that the server does not have. */
export class FolderMissing extends Error {}

/** One logged-in IMAP session: the only thing the sync knows of the mail server. */
export interface ImapSession {
  /** The folder of sent mail: `configured` if it exists (else FolderMissing), or the one marked \Sent, or "Sent"; null if none. */
  sentFolder(configured: string | null): Promise<string | null>;
  /** Select a folder read-only (nothing on the server changes, not even \Seen). */
  openFolder(path: string): Promise<OpenedFolder>;
  /** UIDs above `lastUid` in the open folder, ascending, with their sizes. */
  sizesAfter(lastUid: number): Promise<MessageSize[]>;
  /** The raw messages of these UIDs (a message expunged meanwhile is simply absent). */
  sources(uids: number[]): Promise<Map<number, Buffer>>;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 30_000;
const SOCKET_TIMEOUT_MS = 120_000;

/** Opens IMAP sessions with imapflow (the adapter small tests can replace). */
@Injectable()
export class ImapConnector {
  async open(settings: ImapSettings): Promise<ImapSession> {
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.tls,
      // Plain IMAP only when asked for: with starttls the credentials never cross the wire unencrypted.
      doSTARTTLS: settings.tls ? undefined : settings.starttls,
      auth: { user: settings.username, pass: settings.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    });
    // imapflow also emits socket errors as events; the command in flight rejects with them.
    client.on('error', () => undefined);
    await client.connect();
    return new ImapFlowSession(client);
  }
}

class ImapFlowSession implements ImapSession {
  constructor(private readonly client: ImapFlow) {}

  async sentFolder(configured: string | null): Promise<string | null> {
    const folders = await this.client.list();
    if (configured !== null) {
      if (!folders.some((folder) => folder.path === configured)) throw new FolderMissing(`the folder "${configured}" does not exist on the server`);
      return configured;
    }
    return folders.find((folder) => folder.specialUse === '\\Sent')?.path ?? folders.find((folder) => folder.path === 'Sent')?.path ?? null;
  }

  async openFolder(path: string): Promise<OpenedFolder> {
    const opened = await this.client.mailboxOpen(path, { readOnly: true });
    return { path: opened.path, uidValidity: opened.uidValidity, uidNext: opened.uidNext, exists: opened.exists };
  }

  async sizesAfter(lastUid: number): Promise<MessageSize[]> {
    const found = await this.client.fetchAll(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true });
    // "n:*" always matches the highest UID, even one below n.
    return found
      .filter((message) => message.uid > lastUid)
      .map((message) => ({ uid: message.uid, size: message.size ?? 0 }))
      .sort((a, b) => a.uid - b.uid);
  }

  async sources(uids: number[]): Promise<Map<number, Buffer>> {
    const found = await this.client.fetchAll(uids, { uid: true, source: true }, { uid: true });
    return new Map(found.filter((message) => message.source).map((message) => [message.uid, message.source!]));
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => this.client.close());
  }
}
