/**
 * Sign-in for the web app (issue 8), answered by records: passwords are chosen through
 * single-use invitation links, and a signed-in browser holds a session token (in the gateway's
 * cookie). Records stores only SHA-256 digests of invitation and session tokens and scrypt hashes
 * of passwords. `SignInRequestMap` is merged into the one RequestMap.
 */
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '../common/envelope';
import type { UserDto } from './dtos';

export const SignInRequests = {
  /** A fresh invitation link for a user of the actor's account (manage_users); voids the user's older unused ones. */
  CreateInvitation: 'records.invitations.create.v1',
  /** Public: whose invitation a token is, while it can still be accepted (404 otherwise). */
  GetInvitation: 'records.invitations.get.v1',
  /** Public: set the password, use up the invitation, end the user's other sessions and start a new one. */
  AcceptInvitation: 'records.invitations.accept.v1',
  /**
   * For the launcher and `npm run invite` only (trusted callers, no actor): an invitation for the
   * user with an email, or for the owner of the first account when no email is given.
   */
  IssueOperatorInvitation: 'records.invitations.operator-issue.v1',
  /** Public: email and password to a new session (401 for anything wrong, without saying what). */
  CreateSession: 'records.sessions.create.v1',
  /** A session token to who it belongs to: 401 when unknown, expired, signed out or the user deactivated. */
  VerifySession: 'records.sessions.verify.v1',
  /** Sign out: the session stops working everywhere (a `records.session.updated.v1` event tells the gateways). */
  RevokeSession: 'records.sessions.revoke.v1',
} as const;

/** The web app's page that asks for the new password; the link carries the token in its query. */
export const ACCEPT_INVITATION_PATH = '/accept-invitation';

/** `${PUBLIC_URL}/accept-invitation?token=…`, as the API and the launcher hand it out. */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${ACCEPT_INVITATION_PATH}?token=${encodeURIComponent(token)}`;
}

export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the work of hashing what a client sends. */
export const PASSWORD_MAX_LENGTH = 200;
export const INVITATION_TTL_DAYS = 7;
export const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

/** `{ data: { password } }` of accepting an invitation. */
export class PasswordAttributes {
  @IsDefined({ message: 'password is required' })
  @IsString({ message: 'password must be a string' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters long` })
  password!: string;
}

/** `{ data: { email, password } }` of signing in. Lengths are not checked here: a wrong one is just a failed sign-in. */
export class SignInAttributes {
  @IsDefined({ message: 'email is required' })
  @IsString({ message: 'email must be a string' })
  email!: string;

  @IsDefined({ message: 'password is required' })
  @IsString({ message: 'password must be a string' })
  password!: string;
}

export interface CreateInvitationRequest extends Actor {
  targetUserId: number;
}

/** A new invitation: the token is shown here once (only its digest is stored). */
export interface InvitationIssued {
  user_id: number;
  email: string;
  token: string;
  expires_at: string;
}

export interface InvitationTokenRequest {
  token: string;
  correlationId?: string;
}

/** What the accept-invitation page shows before the password is chosen. */
export interface InvitationDto {
  email: string;
  name: string;
  expires_at: string;
}

export interface AcceptInvitationRequest extends InvitationTokenRequest {
  data: unknown;
}

export interface CreateSessionRequest {
  data: unknown;
  correlationId?: string;
}

/** A new session: the token goes into the cookie and is never shown again. */
export interface SessionIssued {
  id: number;
  token: string;
  expires_at: string;
}

export interface SignedIn {
  user: UserDto;
  session: SessionIssued;
}

export interface VerifySessionRequest {
  token: string;
}

/** Who a verified session belongs to; `expiresAt` bounds how long the gateway may cache it. */
export interface SessionIdentity {
  accountId: number;
  userId: number;
  role: 'admin' | 'user';
  sessionId: number;
  expiresAt: string;
}

export interface RevokeSessionRequest extends Actor {
  sessionId: number;
}

/** What `records.session.updated.v1` carries as `data`: never the token or its digest. */
export interface SessionDto {
  id: number;
  user_id: number;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface OperatorInvitationRequest {
  /** The user's email (any case); without it, the owner (first admin) of the first account. */
  email?: string;
  /** Needed only when the email belongs to users of several accounts. */
  accountId?: number;
  /** Issue nothing when the user already has a password (the launcher's later starts). */
  unlessPasswordSet?: boolean;
}

export interface OperatorInvitationReply {
  account_id: number;
  user_id: number;
  email: string;
  has_password: boolean;
  /** null when `unlessPasswordSet` and the user has a password. */
  invitation: InvitationIssued | null;
}

export interface SignInRequestMap {
  [SignInRequests.CreateInvitation]: { request: CreateInvitationRequest; reply: InvitationIssued };
  [SignInRequests.GetInvitation]: { request: InvitationTokenRequest; reply: InvitationDto };
  [SignInRequests.AcceptInvitation]: { request: AcceptInvitationRequest; reply: SignedIn };
  [SignInRequests.IssueOperatorInvitation]: { request: OperatorInvitationRequest; reply: OperatorInvitationReply };
  [SignInRequests.CreateSession]: { request: CreateSessionRequest; reply: SignedIn };
  [SignInRequests.VerifySession]: { request: VerifySessionRequest; reply: SessionIdentity };
  [SignInRequests.RevokeSession]: { request: RevokeSessionRequest; reply: { revoked: true } };
}
