import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { MAIL_INGEST_SETTINGS, MailIngestEnv } from '../../config';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';
const IV_BYTES = 12;

/** No key is configured (MAILBOX_ENCRYPTION_KEY): credentials can be neither stored nor read. */
export class CipherNotConfigured extends Error {
  constructor() {
    super('mailbox_encryption_key not configured');
  }
}

/** A stored value that does not decrypt with this key (another key, or altered). */
export class UnreadableCiphertext extends Error {}

/** What a connection's password is bound to: it decrypts only on its own user's connection. */
export function credentialContext(connection: { account_id: number; user_id: number }): string {
  return `mailbox-connection:${connection.account_id}:${connection.user_id}`;
}

/** The 32-byte key from its setting: 64 hex digits, or base64 / base64url. */
export function decodeMailboxKey(value: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new Error('MAILBOX_ENCRYPTION_KEY must be 32 bytes: 64 hex digits or base64');
  return key;
}

/**
 * Mailbox credentials at rest: AES-256-GCM with a random IV per value, stored as
 * `v1:<iv>:<tag>:<ciphertext>` (base64). The context (whose connection it is) is authenticated
 * too, so a ciphertext copied onto another row does not decrypt.
 */
@Injectable()
export class CredentialCipher {
  private readonly key: Buffer | null;

  constructor(@Inject(MAIL_INGEST_SETTINGS) settings: Pick<MailIngestEnv, 'MAILBOX_ENCRYPTION_KEY'>) {
    this.key = settings.MAILBOX_ENCRYPTION_KEY ? decodeMailboxKey(settings.MAILBOX_ENCRYPTION_KEY) : null;
  }

  get configured(): boolean {
    return this.key !== null;
  }

  encrypt(context: string, plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.requireKey(), iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64'))).join(':');
  }

  decrypt(context: string, stored: string): string {
    const [format, iv, tag, ciphertext] = stored.split(':');
    if (format !== FORMAT || !iv || !tag || ciphertext === undefined) throw new UnreadableCiphertext('the stored credentials are not in a known format');
    const decipher = createDecipheriv(ALGORITHM, this.requireKey(), Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new UnreadableCiphertext('the stored credentials do not decrypt with MAILBOX_ENCRYPTION_KEY (was the key changed?)');
    }
  }

  private requireKey(): Buffer {
    if (!this.key) throw new CipherNotConfigured();
    return this.key;
  }
}
