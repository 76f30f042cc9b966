import { createHash, randomBytes } from 'node:crypto';

/** Invitation links carry 32 random bytes, base64url (43 characters, safe in a query string). */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Session tokens: 32 random bytes as 64 hex characters. */
export const SESSION_TOKEN = /^[0-9a-f]{64}$/;

export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('hex');
}

/** Only this digest is stored: a leaked table does not let anyone accept an invitation or take over a session. */
export function digestOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
