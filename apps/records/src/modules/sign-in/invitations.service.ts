import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  INVITATION_TTL_DAYS,
  InvitationDto,
  InvitationIssued,
  OperatorInvitationReply,
  OperatorInvitationRequest,
  parseAttributes,
  PasswordAttributes,
  RecordsEvents,
  SignedIn,
} from '@crm/contracts';
import { EventPublisher, TransactionRunner, Tx } from '@crm/platform';
import { iso } from '../../common/time';
import { toUserDto } from '../users/users.mapper';
import { UsersService } from '../users/users.service';
import { InvitationsRepository } from './invitations.repository';
import { hashPassword } from './password-hasher';
import { digestOf, INVITATION_TOKEN, newInvitationToken } from './secret-tokens';
import { toInvitationIssued } from './sign-in.mapper';
import { SessionsService } from './sessions.service';
import { SignInUsersRepository, UserWithPassword } from './sign-in-users.repository';

/** Unknown, used, voided and expired links all get this one answer. */
const invalidLink = () =>
  new DomainError(404, [{ resource: 'invitation', code: 'not_found', message: 'this invitation link is invalid or has expired: ask an admin for a new one' }]);

type Issuer = { accountId: number; userId: number | null; correlationId?: string };

/**
 * Invitation links: the only way a password is set. An admin (manage_users) issues one for a
 * user of the account; whoever opens it chooses the password and is signed in. Issuing a new
 * link voids the user's older unused ones; accepting one replaces any password the user had
 * and ends their sessions (the "forgot my password" path).
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly invitations: InvitationsRepository,
    private readonly users: SignInUsersRepository,
    private readonly accountUsers: UsersService,
    private readonly sessions: SessionsService,
    private readonly events: EventPublisher,
  ) {}

  create(actor: Actor, targetUserId: number): Promise<InvitationIssued> {
    return this.transactions.run(async (tx) => {
      await this.accountUsers.requireAdmin(tx, actor);
      const user = await this.users.find(tx, actor.accountId, targetUserId);
      if (!user) throw DomainError.notFound('user', targetUserId);
      return this.issueInTx(tx, actor, user);
    });
  }

  /** For the launcher and `npm run invite`: callers trusted with the message bus, acting for no user. */
  issueForOperator(request: OperatorInvitationRequest): Promise<OperatorInvitationReply> {
    return this.transactions.run(async (tx) => {
      const user = await this.operatorTarget(tx, request);
      const hasPassword = user.password_hash !== null;
      const invitation =
        request.unlessPasswordSet && hasPassword ? null : await this.issueInTx(tx, { accountId: user.account_id, userId: null }, user);
      return { account_id: user.account_id, user_id: user.id, email: user.email, has_password: hasPassword, invitation };
    });
  }

  get(token: string): Promise<InvitationDto> {
    if (typeof token !== 'string' || !INVITATION_TOKEN.test(token)) return Promise.reject(invalidLink());
    return this.transactions.read(async (tx) => {
      const invitation = await this.invitations.findOpen(tx, digestOf(token));
      const user = invitation && (await this.users.find(tx, invitation.account_id, invitation.user_id));
      if (!invitation || !user) throw invalidLink();
      return { email: user.email, name: user.name, expires_at: iso(invitation.expires_at) };
    });
  }

  /**
   * Sets the password and signs the user in. The link is checked before the password, so an
   * expired link says so first; a refused password leaves the link usable. Hashing happens before
   * the transaction, so no row stays locked for its tens of milliseconds.
   */
  async accept(token: string, data: unknown, correlationId?: string): Promise<SignedIn> {
    if (typeof token !== 'string' || !INVITATION_TOKEN.test(token)) throw invalidLink();
    const tokenHash = digestOf(token);
    if (!(await this.transactions.read((tx) => this.invitations.findOpen(tx, tokenHash)))) throw invalidLink();
    const { password } = parseAttributes('user', PasswordAttributes, data);
    const passwordHash = await hashPassword(password);

    return this.transactions.run(async (tx) => {
      const invitation = await this.invitations.findOpen(tx, tokenHash, true);
      if (!invitation) throw invalidLink(); // accepted by a concurrent request meanwhile
      const user = await this.users.find(tx, invitation.account_id, invitation.user_id, true);
      if (!user) throw invalidLink();
      if (user.status !== 'active') throw DomainError.forbidden('user', 'this user has been deactivated: ask an admin to reactivate them');
      const actor = { accountId: user.account_id, userId: user.id, correlationId };
      const updated = await this.users.setPassword(tx, user.account_id, user.id, passwordHash);
      await this.invitations.markUsed(tx, invitation);
      await this.sessions.endAllInTx(tx, actor, user.id);
      if (!user.confirmed) {
        await this.events.publish(tx, RecordsEvents.user.updated, {
          ...actor,
          entity: 'user',
          id: user.id,
          actorId: user.id,
          data: toUserDto(updated),
          changed: ['confirmed'],
        });
      }
      return { user: toUserDto(updated), session: await this.sessions.startInTx(tx, updated) };
    });
  }

  private async issueInTx(tx: Tx, issuer: Issuer, user: UserWithPassword): Promise<InvitationIssued> {
    if (user.status !== 'active') throw DomainError.invalid('invitation', 'user_id', 'the user is deactivated: reactivate them before inviting');
    await this.invitations.voidOpen(tx, user.account_id, user.id);
    const token = newInvitationToken();
    const invitation = await this.invitations.insert(tx, {
      accountId: user.account_id,
      userId: user.id,
      tokenHash: digestOf(token),
      createdBy: issuer.userId,
      ttlDays: INVITATION_TTL_DAYS,
    });
    return toInvitationIssued(invitation, user.email, token);
  }

  private async operatorTarget(tx: Tx, request: OperatorInvitationRequest): Promise<UserWithPassword> {
    if (request.email) {
      const users = await this.users.withEmail(tx, request.email.trim(), request.accountId);
      if (users.length === 0) throw DomainError.notFound('user');
      if (users.length > 1) {
        const accounts = users.map((user) => user.account_id).join(', ');
        throw DomainError.conflict('user', `users of several accounts (${accounts}) have this email: say which account`);
      }
      return users[0];
    }
    const accountId = request.accountId ?? (await this.users.firstAccountId(tx));
    if (accountId === null) throw DomainError.notFound('account');
    const owner = await this.users.find(tx, accountId, await this.accountUsers.accountOwnerId(tx, accountId));
    if (!owner) throw DomainError.notFound('user');
    return owner;
  }
}
