import { randomBytes } from 'node:crypto';
import { CipherNotConfigured, CredentialCipher, decodeMailboxKey, UnreadableCiphertext } from './credential-cipher';

const hexKey = randomBytes(32).toString('hex');
const cipher = new CredentialCipher({ MAILBOX_ENCRYPTION_KEY: hexKey });

describe('CredentialCipher', () => {
  it('round-trips a value, with a fresh IV each time (never the plaintext in what is stored)', () => {
    const a = cipher.encrypt('account 1 user 2', 'hunter2 ünïcode');
    const b = cipher.encrypt('account 1 user 2', 'hunter2 ünïcode');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:/);
    expect(a).not.toContain('hunter2');
    expect(cipher.decrypt('account 1 user 2', a)).toBe('hunter2 ünïcode');
  });

  it('refuses a ciphertext moved to another context, altered, or read with another key', () => {
    const stored = cipher.encrypt('account 1 user 2', 'secret');
    expect(() => cipher.decrypt('account 1 user 3', stored)).toThrow(UnreadableCiphertext);
    const parts = stored.split(':');
    const flipped = Buffer.from(parts[3], 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt('account 1 user 2', [...parts.slice(0, 3), flipped.toString('base64')].join(':'))).toThrow(UnreadableCiphertext);
    const other = new CredentialCipher({ MAILBOX_ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    expect(() => other.decrypt('account 1 user 2', stored)).toThrow(UnreadableCiphertext);
    expect(() => cipher.decrypt('account 1 user 2', 'plain text')).toThrow(UnreadableCiphertext);
  });

  it('accepts the key as hex, base64 or base64url, and only 32 bytes', () => {
    const bytes = randomBytes(32);
    expect(decodeMailboxKey(bytes.toString('hex'))).toEqual(bytes);
    expect(decodeMailboxKey(bytes.toString('base64'))).toEqual(bytes);
    expect(decodeMailboxKey(bytes.toString('base64url'))).toEqual(bytes);
    expect(() => decodeMailboxKey(randomBytes(16).toString('hex'))).toThrow(/32 bytes/);
  });

  it('without a key: says so instead of storing anything', () => {
    const none = new CredentialCipher({});
    expect(none.configured).toBe(false);
    expect(() => none.encrypt('x', 'secret')).toThrow(CipherNotConfigured);
  });
});
