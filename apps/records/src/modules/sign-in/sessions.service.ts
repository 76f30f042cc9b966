import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  PASSWORD_MAX_LENGTH,
  parseAttributes,
  RecordsEvents,
  SESSION_TTL_SECONDS,
  SessionIdentity,
  SessionIssued,
  SignedIn,
  SignInAttributes,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { toUserDto } from '../users/users.mapper';
import { spendVerificationTime, verifyPassword } from './password-hasher';
import { digestOf, newSessionToken, SESSION_TOKEN } from './secret-tokens';
import { toSessionDto, toSessionIdentity } from './sign-in.mapper';
import { SessionRow, SessionsRepository } from './sessions.repository';
import { SignInUsersRepository, UserWithPassword } from './sign-in-users.repository';

/** One answer for every failed sign-in, so it never tells whether the email or the password was wrong. */
const signInFailed = () => new DomainError(401, [{ code: 'unauthorized', message: 'wrong email or password' }]);
const sessionOver = () => new DomainError(401, [{ code: 'unauthorized', message: 'the session has ended: sign in again' }]);
/** Longer than any email address can be (RFC 5321). */
const MAX_EMAIL_LENGTH = 320;

@Injectable()
export class SessionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsRepository,
    private readonly users: SignInUsersRepository,
    private readonly events: EventPublisher,
  ) {}

  /**
   * Email and password to a new session. Emails are unique per account only: with the same email
   * in several accounts, the most recently created active user whose password matches wins.
   */
  async signIn(data: unknown): Promise<SignedIn> {
    const { email, password } = parseAttributes('session', SignInAttributes, data);
    if (email.length > MAX_EMAIL_LENGTH || password.length > PASSWORD_MAX_LENGTH) throw signInFailed();
    const candidates = await this.transactions.read((tx) => this.users.signInCandidates(tx, email.trim()));
    if (candidates.length === 0) {
      await spendVerificationTime(password);
      throw signInFailed();
    }
    for (const candidate of candidates) {
      if (candidate.password_hash && (await verifyPassword(password, candidate.password_hash))) {
        return this.transactions.run(async (tx) => {
          // Deactivated while the hash was being checked: as if the password were wrong.
          const user = await this.users.find(tx, candidate.account_id, candidate.id, true);
          if (!user || user.status !== 'active' || user.password_hash !== candidate.password_hash) throw signInFailed();
          return { user: toUserDto(user), session: await this.startInTx(tx, user) };
        });
      }
    }
    throw signInFailed();
  }

  /** A new session for the user, inside the caller's transaction (sign-in, accepting an invitation). */
  async startInTx(tx: Tx, user: Pick<UserWithPassword, 'account_id' | 'id'>): Promise<SessionIssued> {
    const token = newSessionToken();
    const session = await this.sessions.insert(tx, {
      accountId: user.account_id,
      userId: user.id,
      tokenHash: digestOf(token),
      ttlSeconds: SESSION_TTL_SECONDS,
    });
    return { id: session.id, token, expires_at: toSessionDto(session).expires_at };
  }

  verify(token: string): Promise<SessionIdentity> {
    if (typeof token !== 'string' || !SESSION_TOKEN.test(token)) return Promise.reject(sessionOver());
    return this.transactions.read(async (tx) => {
      const session = await this.sessions.findLive(tx, digestOf(token));
      if (!session) throw sessionOver();
      return toSessionIdentity(session);
    });
  }

  /** Sign out. Already over is fine: signing out twice is not an error. */
  revoke(actor: Actor, sessionId: number): Promise<{ revoked: true }> {
    return this.transactions.run(async (tx) => {
      const ended = await this.sessions.revoke(tx, actor.accountId, actor.userId, sessionId);
      await this.announceEnded(tx, actor, ended);
      return { revoked: true as const };
    });
  }

  /** Ends every running session of the user (a password reset); the gateways drop them from their caches. */
  async endAllInTx(tx: Tx, actor: { accountId: number; userId: number | null; correlationId?: string }, userId: number): Promise<void> {
    await this.announceEnded(tx, actor, await this.sessions.revokeAllOf(tx, actor.accountId, userId));
  }

  private async announceEnded(
    tx: Tx,
    actor: { accountId: number; userId: number | null; correlationId?: string },
    ended: SessionRow[],
  ): Promise<void> {
    await this.events.publishMany(
      tx,
      RecordsEvents.session.updated,
      ended.map((session) => ({
        accountId: actor.accountId,
        correlationId: actor.correlationId,
        entity: 'session',
        id: session.id,
        actorId: actor.userId,
        data: toSessionDto(session),
        changed: ['revoked_at'],
      })),
    );
  }
}
