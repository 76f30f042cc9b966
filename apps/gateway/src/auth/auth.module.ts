import { Global, Module } from '@nestjs/common';
import { BearerAuthGuard } from './bearer-auth.guard';
import { SessionVerifier } from './session-verifier';
import { TokenCache } from './token-cache';
import { TokenCacheInvalidation } from './token-cache-invalidation';
import { TokenVerifier } from './token-verifier';

/** Long enough to spare records nearly every request, short enough to bound a stale revocation. */
export const TOKEN_CACHE_TTL_MS = 30_000;
export const TOKEN_CACHE_MAX_ENTRIES = 10_000;

/** Global so every feature module's controllers can use the guard (bearer token or session cookie). */
@Global()
@Module({
  providers: [
    { provide: TokenCache, useFactory: () => new TokenCache({ ttlMs: TOKEN_CACHE_TTL_MS, maxEntries: TOKEN_CACHE_MAX_ENTRIES }) },
    TokenVerifier,
    SessionVerifier,
    BearerAuthGuard,
    TokenCacheInvalidation,
  ],
  exports: [TokenCache, TokenVerifier, SessionVerifier, BearerAuthGuard],
})
export class AuthModule {}
