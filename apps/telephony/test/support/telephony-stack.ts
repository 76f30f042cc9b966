import { randomBytes } from 'node:crypto';
import { EventSubject, PayloadOf } from '@crm/contracts';
import { startStack, Stack } from '@crm/testing';
import request from 'supertest';
import twilio from 'twilio';
import { DataSource } from 'typeorm';
import { telephonyService } from '../../src/app';

export type Api = ReturnType<typeof request>;
export type Auth = { Authorization: string };

export const PUBLIC_URL = 'http://crm.test';
export const ACCOUNT_SID = `AC${randomBytes(16).toString('hex')}`;
export const AUTH_TOKEN = randomBytes(16).toString('hex');

/** records, communications, telephony (this app's src) and the gateway; Twilio at `twilioApiUrl` (Prism) if given. */
export function startTelephonyStack(twilioApiUrl?: string): Promise<Stack> {
  return startStack({
    services: ['records', 'communications', telephonyService, 'gateway'],
    settings: {
      PUBLIC_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      ...(twilioApiUrl ? { TWILIO_API_BASE_URL: twilioApiUrl } : {}),
    },
  });
}

function telephonyDb(stack: Stack): DataSource {
  const service = stack.services.find((s) => s.name === 'telephony');
  if (!service) throw new Error('telephony is not running');
  return service.app.get(DataSource);
}

/** Rows of telephony's own tables, for checking what was (not) stored. */
export function telephonyRows<T = Record<string, unknown>>(stack: Stack, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return telephonyDb(stack).query(sql, parameters);
}

/** The events telephony published (its outbox) for a subject in an account, oldest first. */
export async function publishedEvents<S extends EventSubject>(stack: Stack, subject: S, accountId: number): Promise<PayloadOf<S>[]> {
  const rows = await telephonyRows<{ payload: PayloadOf<S> }>(
    stack,
    `SELECT payload FROM telephony.outbox WHERE subject = $1 AND account_id = $2 ORDER BY id`,
    [subject, accountId],
  );
  return rows.map((row) => row.payload);
}

/**
 * Posts Twilio webhooks to the gateway exactly as Twilio does: form-encoded, signed with
 * HMAC-SHA1 over the public URL and the sorted parameters (the SDK's own algorithm).
 */
export class TwilioWebhooks {
  constructor(
    private readonly gatewayUrl: string,
    private readonly authToken = AUTH_TOKEN,
  ) {}

  sign(pathAndQuery: string, params: Record<string, string | string[]>): string {
    return twilio.getExpectedTwilioSignature(this.authToken, `${PUBLIC_URL}${pathAndQuery}`, params);
  }

  /** `signature`: omit to sign correctly, null to send none, a string to send that. */
  post(kind: string, params: Record<string, string | string[]>, options: { query?: string; signature?: string | null } = {}) {
    const pathAndQuery = `/webhooks/twilio/${kind}${options.query ? `?${options.query}` : ''}`;
    const signature = options.signature === undefined ? this.sign(pathAndQuery, params) : options.signature;
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) for (const item of [value].flat()) form.append(name, item);
    const req = request(this.gatewayUrl).post(pathAndQuery).type('form');
    if (signature !== null) req.set('X-Twilio-Signature', signature);
    return req.send(form.toString());
  }
}

export function sid(prefix: 'SM' | 'CA' | 'RE'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

export { eventually } from '@crm/testing';

/** A sales rep (no manage settings) with a token. */
export async function createRep(api: Api, admin: Auth, attributes: Record<string, unknown> = {}): Promise<{ id: number; auth: Auth }> {
  const roles = (await api.get('/v2/roles').set(admin).expect(200)).body.items.map((i: { data: { id: number; name: string } }) => i.data);
  const rep = roles.find((r: { name: string }) => r.name === 'Sales rep');
  const user = (
    await api
      .post('/v2/users')
      .set(admin)
      .send({ data: { name: 'Rita Rep', email: `rep-${randomBytes(4).toString('hex')}@example.com`, role_id: rep.id, ...attributes } })
      .expect(200)
  ).body.data;
  const token = (await api.post(`/v2/users/${user.id}/tokens`).set(admin).send({ data: {} }).expect(201)).body.data.access_token;
  return { id: user.id, auth: { Authorization: `Bearer ${token}` } };
}
