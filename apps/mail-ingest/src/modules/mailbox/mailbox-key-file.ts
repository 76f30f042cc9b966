import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Embedded mode without MAILBOX_ENCRYPTION_KEY: the key kept beside the data (DATA_DIR/mailbox-key,
 * mode 0600), created on first start. Losing it makes the stored mailbox passwords unreadable
 * (the connections then show an error until their password is entered again).
 */
export async function loadOrCreateMailboxKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'mailbox-key');
  const existing = await readKey(file);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  try {
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process wrote it first: use theirs, never overwrite a key in use.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = await readKey(file);
    if (!theirs) throw new Error(`${file} is empty: delete it or set MAILBOX_ENCRYPTION_KEY`);
    return theirs;
  }
}

async function readKey(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
