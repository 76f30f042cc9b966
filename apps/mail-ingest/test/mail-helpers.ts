import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import request from 'supertest';
import type { EmailDto } from '@crm/contracts';

/** Send one message over real SMTP (nodemailer); resolves with the server's reply or rejects with its error. */
export async function sendMail(port: number, message: Mail.Options): Promise<{ response: string; accepted: unknown[] }> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: false });
  try {
    return await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

/** Poll until `probe` returns a value (not undefined), or fail after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting${last ? `: ${String(last)}` : ''}`);
}

export async function emailsOf(gatewayUrl: string, auth: Record<string, string>, resourceType: string, resourceId: number): Promise<EmailDto[]> {
  const res = await request(gatewayUrl).get(`/v2/emails?resource_type=${resourceType}&resource_id=${resourceId}&per_page=100`).set(auth);
  if (res.status !== 200) throw new Error(`GET /v2/emails: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.items as { data: EmailDto }[]).map((item) => item.data);
}

/** The contact with this email, once it exists. */
export async function contactByEmail(gatewayUrl: string, auth: Record<string, string>, email: string): Promise<{ id: number; owner_id: number; email: string } | undefined> {
  const res = await request(gatewayUrl).get(`/v2/contacts?email=${encodeURIComponent(email)}`).set(auth);
  if (res.status !== 200) throw new Error(`GET /v2/contacts: ${res.status}`);
  return res.body.items[0]?.data;
}
