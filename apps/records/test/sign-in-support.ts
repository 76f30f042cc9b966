import type { Stack } from '@crm/testing';
import type { Response } from 'supertest';
import request from 'supertest';
import { DataSource } from 'typeorm';

/** The PUBLIC_URL startStack gives every service. */
export const PUBLIC_URL = 'http://crm.test';
export const OWN_ORIGIN = { Origin: PUBLIC_URL };
export const PASSWORD = 'correct horse battery';

export type Api = ReturnType<typeof request>;

/** `{ Cookie: 'crm_session=…' }` from a reply that set the session cookie. */
export function sessionCookieFrom(response: Response): { Cookie: string } {
  const header = setCookieOf(response);
  const match = /^crm_session=([0-9a-f]{64});/.exec(header);
  if (!match) throw new Error(`no session cookie in ${JSON.stringify(header)}`);
  return { Cookie: `crm_session=${match[1]}` };
}

export function setCookieOf(response: Response): string {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  expect(header).toHaveLength(1);
  return header![0];
}

export function expectSellError(response: Response, status: number, code: string, field?: string): void {
  expect(response.status).toBe(status);
  expect(response.body.meta).toMatchObject({ type: 'errors', http_status: expect.stringMatching(new RegExp(`^${status} `)) });
  expect(response.body.errors[0].error).toMatchObject({ code, ...(field ? { field } : {}) });
}

/** A sales rep (or admin) of the account, created through the API. */
export async function createUser(api: Api, auth: object, role: 'user' | 'admin' = 'user'): Promise<{ id: number; email: string }> {
  const email = `rep-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const { body } = await api.post('/v2/users').set(auth).send({ data: { name: 'Rita Rep', email, role } }).expect(200);
  return { id: body.data.id, email };
}

/** The token of a fresh invitation link for the user. */
export async function invite(api: Api, auth: object, userId: number): Promise<string> {
  const { body } = await api.post(`/v2/users/${userId}/invitation`).set(auth).expect(201);
  return new URL(body.data.invitation_url).searchParams.get('token')!;
}

/** Invite, accept with `password`, and return the session cookie the acceptance set. */
export async function inviteAndAccept(api: Api, auth: object, userId: number, password = PASSWORD): Promise<{ Cookie: string }> {
  const token = await invite(api, auth, userId);
  const accepted = await api.post(`/v2/invitations/${token}/accept`).send({ data: { password } }).expect(201);
  return sessionCookieFrom(accepted);
}

/** Records' own connection, for what the API cannot do (expiring an invitation, counting rows). */
export function recordsDatabase(stack: Stack): DataSource {
  return stack.services.find((service) => service.name === 'records')!.app.get(DataSource);
}

/** Well under the 30 s cache TTL: the invalidation, not the expiry, must be what blocks it. */
export async function expectSoon(send: () => PromiseLike<{ status: number }>, status: number): Promise<void> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const response = await send();
    if (response.status === status) return;
    if (Date.now() > deadline) throw new Error(`expected ${status} within 3 s, still ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
