import { Injectable } from '@nestjs/common';
import { SessionIdentity, SignInRequests } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { TokenCache } from './token-cache';

/** Resolves a session cookie's token to who it belongs to: from the cache, else by asking records once. */
@Injectable()
export class SessionVerifier {
  /** Concurrent requests with one uncached session share a single question to records. */
  private readonly inFlight = new Map<string, Promise<SessionIdentity>>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: TokenCache,
  ) {}

  async verify(token: string): Promise<SessionIdentity> {
    const cached = this.cache.getSession(token);
    if (cached) return cached;
    const pending = this.inFlight.get(token);
    if (pending) return pending;

    const generation = this.cache.generation;
    const verification = this.rpc
      .request(SignInRequests.VerifySession, { token })
      .then((identity) => {
        this.cache.setSession(token, identity, generation);
        return identity;
      })
      .finally(() => this.inFlight.delete(token));
    this.inFlight.set(token, verification);
    return verification;
  }
}
