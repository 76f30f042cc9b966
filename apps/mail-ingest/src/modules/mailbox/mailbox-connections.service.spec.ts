import { DomainError } from '@crm/contracts';
import type { RpcClient, TransactionRunner } from '@crm/platform';
import { CredentialCipher } from './credential-cipher';
import type { MailboxConnectionsRepository } from './mailbox-connections.repository';
import { MailboxConnectionsService } from './mailbox-connections.service';
import type { MailboxSyncWorker } from './mailbox-sync.worker';

const actor = { accountId: 1, userId: 2 };
const settings = { host: 'imap.example', port: 993, tls: true, username: 'ada', password: 'secret' };

describe('MailboxConnectionsService without MAILBOX_ENCRYPTION_KEY', () => {
  const untouched = () => {
    throw new Error('nothing may be stored');
  };
  const service = new MailboxConnectionsService(
    { run: untouched, read: untouched } as unknown as TransactionRunner,
    {} as MailboxConnectionsRepository,
    new CredentialCipher({}),
    { nudge: untouched } as unknown as MailboxSyncWorker,
    { request: untouched } as unknown as RpcClient,
  );

  it('refuses to connect a mailbox (422 on password) and stores nothing', async () => {
    const error = await service.create(actor, settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(422);
    expect((error as DomainError).errors[0]).toMatchObject({ resource: 'mailbox_connection', field: '/password', message: expect.stringContaining('mailbox_encryption_key not configured') });
  });
});
