import type { TokenIdentity } from '@crm/contracts';
import { createHash } from 'node:crypto';

export interface TokenCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

interface CachedIdentity {
  identity: TokenIdentity;
  expiresAt: number;
}

/**
 * Verified tokens for a short time, so most requests need no round trip to records. Bounded:
 * with one TTL for all, the oldest entry is also the first to expire, so dropping the oldest
 * when full keeps the freshest. Keys are SHA-256 digests: raw tokens do not sit in memory.
 *
 * A revocation or a user change made through this gateway evicts at once; one made elsewhere
 * (another replica) takes effect within the TTL.
 */
export class TokenCache {
  private readonly entries = new Map<string, CachedIdentity>();
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

  get(token: string): TokenIdentity | undefined {
    const key = digest(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.identity;
  }

  /** `generation`: the value read before asking records; the answer is dropped if anything was evicted since. */
  set(token: string, identity: TokenIdentity, generation = this.evictions): void {
    if (generation !== this.evictions) return;
    const key = digest(token);
    this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { identity, expiresAt: this.now() + this.options.ttlMs });
  }

  /** After a revocation: the token must stop working now. */
  forgetToken(accountId: number, tokenId: number): void {
    this.forgetWhere((identity) => identity.accountId === accountId && identity.tokenId === tokenId);
  }

  /** After a user changed (deactivated, new role): every token of theirs is asked about afresh. */
  forgetUser(accountId: number, userId: number): void {
    this.forgetWhere((identity) => identity.accountId === accountId && identity.userId === userId);
  }

  private forgetWhere(matches: (identity: TokenIdentity) => boolean): void {
    this.evictions++;
    for (const [key, entry] of this.entries) {
      if (matches(entry.identity)) this.entries.delete(key);
    }
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
