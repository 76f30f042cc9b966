import { invitationUrl, RecordsRequests, SignInRequests } from '@crm/contracts';
import type { RpcClient } from '@crm/platform';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface FirstRun {
  created: boolean;
  tokenFile: string;
  token?: string;
  /** A link to choose the admin's password while they have none; absent once they have one. */
  adminInvitationUrl?: string;
  /** Why no link could be made on a later start (say, every admin deactivated): said, not fatal. */
  adminInvitationProblem?: string;
}

/**
 * On the first start (no account yet) create the account and its admin, and keep the admin's
 * API token in a file only the owner can read; later starts reuse what is there. Until the
 * admin has chosen a password, every start hands out a fresh invitation link for the web app
 * (issuing one voids the previous link).
 */
export async function ensureAdminAccount(
  rpc: RpcClient,
  dataDir: string,
  account: { name: string; adminEmail: string },
  publicUrl: string,
): Promise<FirstRun> {
  const tokenFile = path.resolve(dataDir, 'admin-token');
  const { count } = await rpc.request(RecordsRequests.CountAccounts, {});
  if (count > 0) {
    try {
      return { created: false, tokenFile, adminInvitationUrl: await adminInvitation(rpc, publicUrl, undefined, true) };
    } catch (error) {
      return { created: false, tokenFile, adminInvitationProblem: error instanceof Error ? error.message : String(error) };
    }
  }
  const reply = await rpc.request(RecordsRequests.CreateAccount, {
    name: account.name,
    adminName: 'Admin',
    adminEmail: account.adminEmail,
  });
  mkdirSync(path.dirname(tokenFile), { recursive: true });
  writeFileSync(tokenFile, `${reply.token}\n`, { mode: 0o600 });
  const adminInvitationUrl = await adminInvitation(rpc, publicUrl, reply.accountId, false);
  return { created: true, tokenFile, token: reply.token, adminInvitationUrl };
}

/** The owner of the account (the first one when not given): a link, or undefined when they have a password. */
async function adminInvitation(rpc: RpcClient, publicUrl: string, accountId: number | undefined, unlessPasswordSet: boolean): Promise<string | undefined> {
  const reply = await rpc.request(SignInRequests.IssueOperatorInvitation, { accountId, unlessPasswordSet });
  return reply.invitation ? invitationUrl(publicUrl, reply.invitation.token) : undefined;
}

export function describeFirstRun(run: FirstRun, apiUrl: string, publicUrl: string): string {
  const curl = `curl -H "Authorization: Bearer $(cat ${run.tokenFile})" ${apiUrl}/v2/users/self`;
  const web = run.adminInvitationUrl
    ? `Sign in to the web app: open ${run.adminInvitationUrl} to choose the admin's password.`
    : `Web app: ${publicUrl}/${run.adminInvitationProblem ? ` (no invitation link for the admin: ${run.adminInvitationProblem})` : ''}`;
  if (run.created) {
    return [
      'Created your account and its admin user. API token (shown once, also saved to',
      `${run.tokenFile}, readable only by you):`,
      '',
      `    ${run.token}`,
      '',
      `Try it:  ${curl}`,
      web,
    ].join('\n');
  }
  const api = existsSync(run.tokenFile)
    ? `The admin API token is in ${run.tokenFile}.\nTry it:  ${curl}`
    : 'Using the existing account. Issue a token with POST /v2/users/:id/tokens as an admin.';
  return `${api}\n${web}`;
}
