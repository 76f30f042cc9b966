import type { SessionIdentity, TokenIdentity } from '@crm/contracts';
import { createHash } from 'node:crypto';

export interface TokenCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/** Who a bearer token or a session cookie belongs to. */
export type CachedIdentity = TokenIdentity | SessionIdentity;

interface CacheEntry {
  identity: CachedIdentity;
  expiresAt: number;
}

export function isSessionIdentity(identity: CachedIdentity): identity is SessionIdentity {
  return 'sessionId' in identity;
}

/**
 * Verified API tokens and session cookies for a short time, so most requests need no round trip
 * to records. Both kinds share one cache so that a changed user is evicted in one sweep, but
 * their keys differ by kind: a session token sent as a bearer token is never found as one.
 * Bounded: with one TTL for all, the oldest entry is also the first to expire, so dropping the
 * oldest when full keeps the freshest. Keys are SHA-256 digests: raw tokens do not sit in memory.
 *
 * A revocation, a sign-out or a user change made through this gateway evicts at once; one made
 * elsewhere (another replica) when its event arrives, and within the TTL at worst.
 */
export class TokenCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly now: () => number;
  /** Bumped on every eviction, so a verification that started before one cannot re-add what it removed. */
  private evictions = 0;

  constructor(private readonly options: TokenCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get generation(): number {
    return this.evictions;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The identity of an API token. */
  get(token: string): TokenIdentity | undefined {
    const identity = this.lookup(keyOf('token', token));
    return identity && !isSessionIdentity(identity) ? identity : undefined;
  }

  /** `generation`: the value read before asking records; the answer is dropped if anything was evicted since. */
  set(token: string, identity: TokenIdentity, generation = this.evictions): void {
    this.store(keyOf('token', token), identity, this.now() + this.options.ttlMs, generation);
  }

  getSession(token: string): SessionIdentity | undefined {
    const identity = this.lookup(keyOf('session', token));
    return identity && isSessionIdentity(identity) ? identity : undefined;
  }

  /** Kept no longer than the session itself lasts. */
  setSession(token: string, identity: SessionIdentity, generation = this.evictions): void {
    const sessionEnds = Date.parse(identity.expiresAt);
    const expiresAt = Math.min(this.now() + this.options.ttlMs, Number.isNaN(sessionEnds) ? 0 : sessionEnds);
    this.store(keyOf('session', token), identity, expiresAt, generation);
  }

  /** After a revocation: the token must stop working now. */
  forgetToken(accountId: number, tokenId: number): void {
    this.forgetWhere((identity) => !isSessionIdentity(identity) && identity.accountId === accountId && identity.tokenId === tokenId);
  }

  /** After a sign-out: the session must stop working now. */
  forgetSession(accountId: number, sessionId: number): void {
    this.forgetWhere((identity) => isSessionIdentity(identity) && identity.accountId === accountId && identity.sessionId === sessionId);
  }

  /** After a password reset: the user's earlier sessions must stop working now (user ids are unique across accounts). */
  forgetSessionsOfUser(userId: number): void {
    this.forgetWhere((identity) => isSessionIdentity(identity) && identity.userId === userId);
  }

  /** After a user changed (deactivated, new role): every token and session of theirs is asked about afresh. */
  forgetUser(accountId: number, userId: number): void {
    this.forgetWhere((identity) => identity.accountId === accountId && identity.userId === userId);
  }

  private lookup(key: string): CachedIdentity | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.identity;
  }

  private store(key: string, identity: CachedIdentity, expiresAt: number, generation: number): void {
    if (generation !== this.evictions || expiresAt <= this.now()) return;
    this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { identity, expiresAt });
  }

  private forgetWhere(matches: (identity: CachedIdentity) => boolean): void {
    this.evictions++;
    for (const [key, entry] of this.entries) {
      if (matches(entry.identity)) this.entries.delete(key);
    }
  }
}

function keyOf(kind: 'token' | 'session', token: string): string {
  return createHash('sha256').update(`${kind}:${token}`).digest('hex');
}
