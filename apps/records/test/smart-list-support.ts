import type { JobDto } from '@crm/contracts';
import { factories, Stack } from '@crm/testing';
import request from 'supertest';

export type Api = ReturnType<typeof request>;
export type Auth = { Authorization: string };

export interface TeamAccount {
  accountId: number;
  admin: Auth;
  adminId: number;
  /** A user with the default role (Sales rep: sees and edits only their own records, may not reassign). */
  rep: Auth;
  repId: number;
}

/** A fresh account with its admin and one sales rep, both with tokens. */
export async function teamAccount(stack: Stack, api: Api): Promise<TeamAccount> {
  const account = await stack.createAccount();
  const rep = (await api.post('/v2/users').set(account.auth).send({ data: factories.user() }).expect(200)).body.data as { id: number };
  const token = (await api.post(`/v2/users/${rep.id}/tokens`).set(account.auth).send({ data: {} }).expect(201)).body.data.access_token as string;
  return { accountId: account.accountId, admin: account.auth, adminId: account.userId, rep: { Authorization: `Bearer ${token}` }, repId: rep.id };
}

export async function createSmartList(api: Api, auth: Auth, resourceType: string, filters: object): Promise<number> {
  const created = await api.post('/v2/smart_lists').set(auth).send({ data: { name: `List ${Date.now()}`, resource_type: resourceType, filters } });
  if (created.status !== 200) throw new Error(`smart list not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.data.id as number;
}

/** Poll a job until it has ended; `onProgress` sees every state read on the way. */
export async function waitForJob(api: Api, auth: Auth, id: number, onProgress?: (job: JobDto) => void, timeoutMs = 60_000): Promise<JobDto> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await api.get(`/v2/jobs/${id}`).set(auth).expect(200)).body.data as JobDto;
    onProgress?.(job);
    if (job.status === 'completed' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const idsOf = (body: { items: { data: { id: number } }[] }): number[] => body.items.map((item) => item.data.id).sort((a, b) => a - b);
