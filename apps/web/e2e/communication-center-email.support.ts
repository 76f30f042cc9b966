import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { SMTPServer } from 'smtp-server';
import type { EmbeddedSystem } from './support/embedded-system';

/**
 * Seeding helpers for the Communication Center email browser test: real mail over SMTP to the
 * BCC address, a relay that receives what the CRM sends, and polling of the API until the
 * services have filed what was sent.
 */

export type Item<T> = { data: T };
export type Collection<T> = { items: Item<T>[] };

/** Send one message over SMTP with nodemailer (as a mail client would). */
export async function sendMail(port: number, message: Mail.Options): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: false });
  try {
    await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

/** A forwarded-message block as Gmail writes it (mail-ingest unwraps it and files the original sender). */
export function forwardedBody(original: { from: string; to: string; subject: string; text: string }): string {
  return [
    'FYI, see below.',
    '',
    '---------- Forwarded message ---------',
    `From: ${original.from}`,
    'Date: Mon, 30 Nov 2026 at 09:30',
    `Subject: ${original.subject}`,
    `To: ${original.to}`,
    '',
    original.text,
  ].join('\n');
}

/** The SMTP relay the CRM delivers its own mail to: keeps the HTML of each message. */
export class CapturingRelay {
  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
    /** The HTML part of every message accepted, in order. */
    readonly html: string[],
  ) {}

  static async start(): Promise<CapturingRelay> {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            received.push(typeof parsed.html === 'string' ? parsed.html : '');
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new CapturingRelay(server, `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, received);
  }

  /** The open-tracking pixel of the delivered message whose HTML contains `marker`. */
  pixelPathOf(marker: string): string | undefined {
    const html = this.html.find((h) => h.includes(marker));
    return html ? /\/v2\/email_opens\/[A-Za-z0-9_-]+\.gif/.exec(html)?.[0] : undefined;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Poll until `probe` returns something (not undefined), or fail with the last error after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `GET` through the admin's API token, failing on anything but 200. */
export async function getData<T>(system: EmbeddedSystem, pathAndQuery: string): Promise<T> {
  const response = await system.api<T>('GET', pathAndQuery);
  if (response.status !== 200) throw new Error(`GET ${pathAndQuery}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function itemsAt<T>(system: EmbeddedSystem, pathAndQuery: string): Promise<T[]> {
  return (await getData<Collection<T>>(system, pathAndQuery)).items.map((item) => item.data);
}

/** The one record of `type` with this email, once it exists. */
export function recordWithEmail(system: EmbeddedSystem, type: 'leads' | 'contacts', email: string): Promise<{ id: number; owner_id: number; email: string }> {
  return eventually(async () => (await itemsAt<{ id: number; owner_id: number; email: string }>(system, `/v2/${type}?email=${encodeURIComponent(email)}`))[0]);
}

export interface TabEmail {
  id: number;
  subject: string | null;
  read: boolean;
  archived: boolean;
  resources: { resource_type: string; resource_id: number }[];
}

/** The admin's emails in one Communication Center tab (first 100). */
export function tabEmails(system: EmbeddedSystem, tab: string): Promise<TabEmail[]> {
  return itemsAt<TabEmail>(system, `/v2/communications/emails?tab=${tab}&per_page=100`);
}

export async function emailInTab(system: EmbeddedSystem, tab: string, subject: string): Promise<TabEmail | undefined> {
  return (await tabEmails(system, tab)).find((email) => email.subject === subject);
}
