import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createTransport } from 'nodemailer';
import { MailIngestRequests } from '@crm/contracts';
import { Stack, startStack } from '@crm/testing';
import { mailIngestService, SmtpListener } from '../src/app';

/** With a configured certificate the server offers STARTTLS, and mail sent over TLS is accepted. */
describe('STARTTLS', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'smtp-tls-'));
  let stack: Stack;
  let port: number;
  let bcc: string;

  beforeAll(async () => {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=bcc.test'], {
      stdio: 'ignore',
    });
    stack = await startStack({ services: ['records', mailIngestService], settings: { SMTP_TLS_KEY_FILE: key, SMTP_TLS_CERT_FILE: cert } });
    port = stack.services.find((s) => s.name === 'mail-ingest')!.app.get(SmtpListener).port!;
    const account = await stack.createAccount();
    bcc = (await stack.rpc.request(MailIngestRequests.GetBccAddress, { accountId: account.accountId, userId: account.userId })).email;
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades the connection and accepts the message', async () => {
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    try {
      const sent = await transport.sendMail({ from: 'someone@customer.example', to: bcc, subject: 'over TLS', text: 'encrypted' });
      expect(sent.response).toMatch(/^250 .*Queued as \d+/);
    } finally {
      transport.close();
    }
  });
});
