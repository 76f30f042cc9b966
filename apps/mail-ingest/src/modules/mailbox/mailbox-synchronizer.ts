import { Inject, Injectable } from '@nestjs/common';
import type { MailboxFolderRole } from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { MAIL_INGEST_SETTINGS, MailIngestEnv } from '../../config';
import { IngestWorker } from '../messages/ingest.worker';
import { MailboxOrigin, RawMessagesRepository } from '../messages/raw-messages.repository';
import { credentialContext, CredentialCipher } from './credential-cipher';
import { ImapConnector, ImapSession } from './imap-session';
import { ClaimedConnection, MailboxSyncStateRepository } from './mailbox-sync-state.repository';
import { planBatches } from './sync-batches';

/** The connection was changed, deleted or taken over by another worker: stop, write nothing more. */
export class LeaseLost extends Error {}

export type SyncOutcome = 'done' | 'interrupted';

/** A worker that stops renewing (a crash) loses the connection after this; another replica goes on from the last stored batch. */
export const SYNC_LEASE_SECONDS = 300;
/** Raw bytes fetched per batch. */
const BATCH_BYTES = 32 * 1024 * 1024;

/**
 * Copies what is new in a mailbox's INBOX and sent folder into raw_messages, by UID: each batch
 * is stored in one transaction with the folder's progress (last UID), so a crash resumes after
 * the last stored batch and never stores a message twice. A new UIDVALIDITY starts the folder
 * over; copies of messages seen before are merged by Message-ID downstream.
 */
@Injectable()
export class MailboxSynchronizer {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly state: MailboxSyncStateRepository,
    private readonly messages: RawMessagesRepository,
    private readonly cipher: CredentialCipher,
    private readonly connector: ImapConnector,
    private readonly ingest: IngestWorker,
    @Inject(MAIL_INGEST_SETTINGS) private readonly settings: MailIngestEnv,
  ) {}

  async sync(connection: ClaimedConnection, shouldStop: () => boolean): Promise<SyncOutcome> {
    const password = this.cipher.decrypt(credentialContext(connection), connection.password_encrypted);
    const session = await this.connector.open({ ...connection, password });
    try {
      if (connection.status !== 'idle') await this.underLease(connection, (tx) => this.state.setStatus(tx, connection, 'syncing'));
      const sent = await session.sentFolder(connection.sent_folder);
      const folders: [MailboxFolderRole, string][] = sent ? [['inbox', 'INBOX'], ['sent', sent]] : [['inbox', 'INBOX']];
      for (const [folder, path] of folders) {
        if ((await this.syncFolder(session, connection, folder, path, shouldStop)) === 'interrupted') return 'interrupted';
      }
      return 'done';
    } finally {
      await session.close();
    }
  }

  private async syncFolder(session: ImapSession, connection: ClaimedConnection, folder: MailboxFolderRole, path: string, shouldStop: () => boolean): Promise<SyncOutcome> {
    const opened = await session.openFolder(path);
    const known = await this.transactions.read((tx) => this.state.folder(tx, connection.id, folder));
    let lastUid = 0;
    if (!known || known.path !== opened.path || BigInt(known.uid_validity) !== opened.uidValidity) {
      await this.underLease(connection, (tx) => this.state.startFolder(tx, connection.id, folder, opened.path, opened.uidValidity, opened.exists));
    } else {
      lastUid = Number(known.last_uid);
      if (known.total !== opened.exists) await this.underLease(connection, (tx) => this.state.setTotal(tx, connection.id, folder, opened.exists));
    }
    if (opened.exists === 0 || (opened.uidNext > 0 && opened.uidNext - 1 <= lastUid)) return 'done';

    const batches = planBatches(await session.sizesAfter(lastUid), {
      maxMessages: this.settings.MAILBOX_BATCH_SIZE,
      maxBytes: BATCH_BYTES,
      maxMessageBytes: this.settings.SMTP_MAX_MESSAGE_BYTES,
    });
    if (batches.length === 0) return 'done';
    await this.underLease(connection, (tx) => this.state.setStatus(tx, connection, 'syncing'));
    const origin: MailboxOrigin = { accountId: connection.account_id, connectionId: connection.id, userId: connection.user_id, folder, path: opened.path, uidValidity: opened.uidValidity };
    for (const batch of batches) {
      if (shouldStop()) return 'interrupted';
      const sources = batch.fetch.length > 0 ? await session.sources(batch.fetch.map((message) => message.uid)) : new Map<number, Buffer>();
      const fetched = batch.fetch.filter((message) => sources.has(message.uid)).map((message) => ({ uid: message.uid, raw: sources.get(message.uid)! }));
      await this.underLease(connection, async (tx) => {
        const stored = await this.messages.insertFromMailbox(tx, origin, fetched);
        await this.state.advance(tx, connection.id, folder, batch.lastUid, stored, batch.skipped.length);
      });
      this.ingest.nudge();
    }
    return 'done';
  }

  /** One transaction that writes only while the lease is still ours. */
  private underLease(connection: ClaimedConnection, work: (tx: Tx) => Promise<void>): Promise<void> {
    return this.transactions.run(async (tx) => {
      if (!(await this.state.holdLease(tx, connection, SYNC_LEASE_SECONDS))) throw new LeaseLost(`mailbox connection ${connection.id} is no longer leased to this worker`);
      await work(tx);
    });
  }
}
