import { RecordsRequests } from '@crm/contracts';
import type { RpcClient } from '@crm/platform';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface FirstRun {
  created: boolean;
  tokenFile: string;
  token?: string;
}

/**
 * On the first start (no account yet) create the account and its admin, and keep the admin's
 * API token in a file only the owner can read; later starts reuse what is there.
 */
export async function ensureAdminAccount(
  rpc: RpcClient,
  dataDir: string,
  account: { name: string; adminEmail: string },
): Promise<FirstRun> {
  const tokenFile = path.resolve(dataDir, 'admin-token');
  const { count } = await rpc.request(RecordsRequests.CountAccounts, {});
  if (count > 0) return { created: false, tokenFile };
  const reply = await rpc.request(RecordsRequests.CreateAccount, {
    name: account.name,
    adminName: 'Admin',
    adminEmail: account.adminEmail,
  });
  mkdirSync(path.dirname(tokenFile), { recursive: true });
  writeFileSync(tokenFile, `${reply.token}\n`, { mode: 0o600 });
  return { created: true, tokenFile, token: reply.token };
}

export function describeFirstRun(run: FirstRun, apiUrl: string): string {
  const curl = `curl -H "Authorization: Bearer $(cat ${run.tokenFile})" ${apiUrl}/v2/users/self`;
  if (run.created) {
    return [
      'Created your account and its admin user. API token (shown once, also saved to',
      `${run.tokenFile}, readable only by you):`,
      '',
      `    ${run.token}`,
      '',
      `Try it:  ${curl}`,
    ].join('\n');
  }
  return existsSync(run.tokenFile)
    ? `The admin API token is in ${run.tokenFile}.\nTry it:  ${curl}`
    : 'Using the existing account. Issue a token with POST /v2/users/:id/tokens as an admin.';
}
