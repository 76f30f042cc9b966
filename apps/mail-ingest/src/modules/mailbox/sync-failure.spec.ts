import { CipherNotConfigured, UnreadableCiphertext } from './credential-cipher';
import { FolderMissing } from './imap-session';
import { describeSyncFailure } from './sync-failure';

const server = { host: 'imap.example', port: 993 };
const failure = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'Command failed')), fields);

describe('describeSyncFailure', () => {
  it.each([
    [failure({ authenticationFailed: true, responseText: 'Authentication failed.' }), 'authentication failed: check the username and password (server said: Authentication failed.)'],
    [failure({ code: 'ECONNREFUSED' }), 'connection refused by imap.example:993 (is the IMAP server running, and is the port right?)'],
    [failure({ code: 'ENOTFOUND' }), 'host imap.example not found'],
    [failure({ code: 'CONNECT_TIMEOUT' }), 'timed out talking to imap.example:993'],
    [failure({ code: 'ClosedAfterConnectText', reason: 'Too many connections' }), 'the connection to imap.example:993 was closed (server said: Too many connections)'],
    [failure({ tlsFailed: true, message: 'Server does not support STARTTLS' }), 'TLS failed with imap.example:993: Server does not support STARTTLS'],
    [failure({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }), 'TLS failed with imap.example:993: self-signed certificate'],
    [failure({ responseStatus: 'NO', command: 'SELECT', responseText: 'Mailbox is locked' }), 'the server refused SELECT (server said: Mailbox is locked)'],
    [new FolderMissing('the folder "Sent Items" does not exist on the server'), 'the folder "Sent Items" does not exist on the server'],
    [new CipherNotConfigured(), 'the stored password cannot be read: mailbox_encryption_key not configured'],
    [new UnreadableCiphertext('the stored credentials do not decrypt'), 'the stored credentials do not decrypt'],
    [new Error('something odd'), 'sync failed: something odd'],
  ])('%s', (error, expected) => {
    expect(describeSyncFailure(error, server)).toBe(expected);
  });

  it('keeps a long server answer short', () => {
    expect(describeSyncFailure(failure({ authenticationFailed: true, responseText: 'x'.repeat(1000) }), server).length).toBeLessThan(300);
  });
});
