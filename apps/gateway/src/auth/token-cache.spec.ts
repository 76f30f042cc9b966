import type { SessionIdentity, TokenIdentity } from '@crm/contracts';
import { bearerTokenOf } from './bearer-auth.guard';
import { TokenCache } from './token-cache';

const identity = (tokenId: number, userId = 1, accountId = 1): TokenIdentity => ({ accountId, userId, role: 'user', tokenId });
const token = (char: string) => char.repeat(64);
const session = (sessionId: number, userId = 1, expiresAt = '2100-01-01T00:00:00.000Z'): SessionIdentity => ({
  accountId: 1,
  userId,
  role: 'user',
  sessionId,
  expiresAt,
});

describe('TokenCache', () => {
  let now = 0;
  const cache = () => new TokenCache({ ttlMs: 1000, maxEntries: 2, now: () => now });

  beforeEach(() => (now = 0));

  it('answers until the TTL passes', () => {
    const tokens = cache();
    tokens.set(token('a'), identity(1));
    now = 999;
    expect(tokens.get(token('a'))).toEqual(identity(1));
    now = 1000;
    expect(tokens.get(token('a'))).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const tokens = cache();
    tokens.set(token('a'), identity(1));
    tokens.set(token('b'), identity(2));
    tokens.set(token('c'), identity(3));
    expect(tokens.size).toBe(2);
    expect(tokens.get(token('a'))).toBeUndefined();
    expect(tokens.get(token('c'))).toEqual(identity(3));
  });

  it('forgets a revoked token and every token of a changed user', () => {
    const tokens = new TokenCache({ ttlMs: 1000, maxEntries: 10, now: () => now });
    tokens.set(token('a'), identity(1, 7));
    tokens.set(token('b'), identity(2, 7));
    tokens.set(token('c'), identity(3, 8));
    tokens.forgetToken(1, 1);
    expect(tokens.get(token('a'))).toBeUndefined();
    tokens.forgetUser(1, 7);
    expect(tokens.get(token('b'))).toBeUndefined();
    expect(tokens.get(token('c'))).toEqual(identity(3, 8));
  });

  it('ignores a verification answer that started before an eviction', () => {
    const tokens = cache();
    const generation = tokens.generation;
    tokens.forgetToken(1, 1);
    tokens.set(token('a'), identity(1), generation);
    expect(tokens.get(token('a'))).toBeUndefined();
  });
});

describe('TokenCache with sessions', () => {
  let now = 0;
  const cache = () => new TokenCache({ ttlMs: 1000, maxEntries: 10, now: () => now });

  beforeEach(() => (now = 0));

  it('keeps tokens and sessions apart: one string is never found as the other kind', () => {
    const entries = cache();
    entries.setSession(token('a'), session(5));
    expect(entries.getSession(token('a'))).toEqual(session(5));
    expect(entries.get(token('a'))).toBeUndefined();
    entries.set(token('b'), identity(5));
    expect(entries.getSession(token('b'))).toBeUndefined();
  });

  it('keeps a session no longer than it lasts', () => {
    const entries = cache();
    entries.setSession(token('a'), session(5, 1, new Date(400).toISOString()));
    now = 399;
    expect(entries.getSession(token('a'))).toBeDefined();
    now = 400;
    expect(entries.getSession(token('a'))).toBeUndefined();
    entries.setSession(token('b'), session(6, 1, new Date(100).toISOString()));
    expect(entries.getSession(token('b'))).toBeUndefined();
  });

  it('forgets a signed-out session, and every session and token of a changed user', () => {
    const entries = cache();
    entries.setSession(token('a'), session(1, 7));
    entries.setSession(token('b'), session(2, 7));
    entries.set(token('c'), identity(1, 7));
    entries.setSession(token('d'), session(3, 8));
    entries.forgetSession(1, 1);
    expect(entries.getSession(token('a'))).toBeUndefined();
    expect(entries.get(token('c'))).toBeDefined(); // token 1 is not session 1
    entries.forgetUser(1, 7);
    expect(entries.getSession(token('b'))).toBeUndefined();
    expect(entries.get(token('c'))).toBeUndefined();
    expect(entries.getSession(token('d'))).toEqual(session(3, 8));
  });
});

describe('bearerTokenOf', () => {
  it('takes a 64-character token from a Bearer header', () => {
    expect(bearerTokenOf(`Bearer ${token('x')}`)).toEqual({ token: token('x') });
    expect(bearerTokenOf(`bearer  ${token('x')} `)).toEqual({ token: token('x') });
  });

  it.each([undefined, '', 'Basic abc', `Bearer ${'x'.repeat(63)}`, `Bearer ${'x'.repeat(65)}`, 'Bearer'])(
    'refuses %p',
    (header) => {
      expect(bearerTokenOf(header)).toHaveProperty('problem');
    },
  );
});
