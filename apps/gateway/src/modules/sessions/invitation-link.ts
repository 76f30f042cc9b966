import { InvitationIssued, invitationUrl } from '@crm/contracts';

/** The reply of `POST /v2/users/:id/invitation`: the link to the web app's page in place of the bare token. */
export function toInvitationLink(publicBaseUrl: string, issued: InvitationIssued) {
  return { user_id: issued.user_id, email: issued.email, invitation_url: invitationUrl(publicBaseUrl, issued.token), expires_at: issued.expires_at };
}
