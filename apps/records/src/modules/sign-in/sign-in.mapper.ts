import type { InvitationIssued, SessionDto, SessionIdentity } from '@crm/contracts';
import { iso } from '../../common/time';
import type { InvitationRow } from './invitations.repository';
import type { LiveSession, SessionRow } from './sessions.repository';

export function toInvitationIssued(invitation: InvitationRow, email: string, token: string): InvitationIssued {
  return { user_id: invitation.user_id, email, token, expires_at: iso(invitation.expires_at) };
}

export function toSessionDto(session: SessionRow): SessionDto {
  return {
    id: session.id,
    user_id: session.user_id,
    expires_at: iso(session.expires_at),
    revoked_at: iso(session.revoked_at),
    created_at: iso(session.created_at),
  };
}

export function toSessionIdentity(session: LiveSession): SessionIdentity {
  return {
    accountId: session.account_id,
    userId: session.user_id,
    role: session.role,
    sessionId: session.id,
    // Milliseconds kept: the gateway's cache must not outlive the session by a rounding.
    expiresAt: session.expires_at.toISOString(),
  };
}
