import { Injectable } from '@nestjs/common';
import { RecordsRequests, TokenIdentity } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { TokenCache } from './token-cache';

/** Resolves a bearer token to who it belongs to: from the cache, else by asking records once. */
@Injectable()
export class TokenVerifier {
  /** Concurrent requests with one uncached token share a single question to records. */
  private readonly inFlight = new Map<string, Promise<TokenIdentity>>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: TokenCache,
  ) {}

  async verify(token: string): Promise<TokenIdentity> {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const pending = this.inFlight.get(token);
    if (pending) return pending;

    const generation = this.cache.generation;
    const verification = this.rpc
      .request(RecordsRequests.VerifyToken, { token })
      .then((identity) => {
        this.cache.set(token, identity, generation);
        return identity;
      })
      .finally(() => this.inFlight.delete(token));
    this.inFlight.set(token, verification);
    return verification;
  }
}
