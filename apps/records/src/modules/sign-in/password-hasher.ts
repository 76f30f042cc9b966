import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Passwords as scrypt hashes (Node's own crypto; no native add-on to build). The stored string
 * carries the algorithm, its cost parameters, the salt and the hash, so the parameters can be
 * raised later without losing the hashes made with the old ones:
 *
 *     scrypt$<N>$<r>$<p>$<salt, base64>$<hash, base64>
 *
 * N = 2^15, r = 8, p = 3: one of the equivalent minimums OWASP's Password Storage Cheat Sheet
 * lists for scrypt; of those, the one needing 32 MiB per hash rather than 128 (a few hundred
 * milliseconds of one core). Hashing runs on libuv's thread pool, so it does not block the event loop.
 */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { N: 2 ** 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse stored parameters that would make one verification absurdly expensive. */
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  // scrypt needs 128·N·r bytes (p runs one after another); Node's default ceiling (32 MiB) is exactly
  // that for N = 2^15, r = 8, and the call fails when the need reaches the ceiling: allow twice as much.
  const options: ScryptOptions = { ...parameters, maxmem: 256 * parameters.N * parameters.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, parameters: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, parameters);
  return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** False for a wrong password and for anything that is not a hash this code made. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.parameters);
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

let decoy: Promise<string> | undefined;

/**
 * Spend the time of one verification when there is no hash to check against (unknown email, no
 * password yet), so the answer's timing does not tell which part of a sign-in was wrong.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password, never matched');
  await verifyPassword(password, await decoy);
}

function parse(stored: string): { parameters: ScryptParameters; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > MAX_N || (N & (N - 1)) !== 0 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (salt.length === 0 || hash.length === 0) return null;
  return { parameters: { N, r, p }, salt, hash };
}
