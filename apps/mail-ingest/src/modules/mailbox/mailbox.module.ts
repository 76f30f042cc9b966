import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { CredentialCipher } from './credential-cipher';
import { ImapConnector } from './imap-session';
import { MailboxConnectionsHandlers } from './mailbox-connections.handlers';
import { MailboxConnectionsRepository } from './mailbox-connections.repository';
import { MailboxConnectionsService } from './mailbox-connections.service';
import { MailboxSyncStateRepository } from './mailbox-sync-state.repository';
import { MailboxSyncWorker } from './mailbox-sync.worker';
import { MailboxSynchronizer } from './mailbox-synchronizer';

/** Users' IMAP mailboxes: connections (credentials encrypted at rest) and their incremental sync into raw_messages. */
@Module({
  imports: [MessagesModule],
  controllers: [MailboxConnectionsHandlers],
  providers: [
    CredentialCipher,
    ImapConnector,
    MailboxConnectionsRepository,
    MailboxConnectionsService,
    MailboxSyncStateRepository,
    MailboxSynchronizer,
    MailboxSyncWorker,
  ],
})
export class MailboxModule {}
