import type { InvitationIssued } from '@crm/contracts';

/** The web app's page that asks for the new password; the token travels in the query string. */
export function invitationUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/accept-invitation?token=${encodeURIComponent(token)}`;
}

/** The reply of `POST /v2/users/:id/invitation`: the link in place of the bare token. */
export function toInvitationLink(publicBaseUrl: string, issued: InvitationIssued) {
  return { user_id: issued.user_id, email: issued.email, invitation_url: invitationUrl(publicBaseUrl, issued.token), expires_at: issued.expires_at };
}
