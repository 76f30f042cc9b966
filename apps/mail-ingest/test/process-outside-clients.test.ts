import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { contactByEmail, emailsOf, eventually } from './mail-helpers';
import { installed, MailProcessStack, rawMessageCount, runCommand, startMailProcessStack } from './process-support';

const hasCurl = installed('curl');
const hasPython = installed('python3');
const withCurl = hasCurl ? it : it.skip;
const withPython = hasPython ? it : it.skip;
const skipped = (command: string, present: boolean) => (present ? '' : ` (SKIPPED: ${command} is not installed on this machine)`);

/** Sends with smtplib and prints the DATA reply, so the test sees the server's own words. */
const PYTHON_SENDER = `
import smtplib, sys
from email.message import EmailMessage
port, sender, to, bcc, subject, message_id = sys.argv[1:7]
message = EmailMessage()
message['From'] = 'Ada Admin <%s>' % sender
message['To'] = 'Pia Python <%s>' % to
message['Subject'] = subject
message['Message-ID'] = '<%s>' % message_id
message.set_content('Hello from Python.')
with smtplib.SMTP('127.0.0.1', int(port), timeout=30) as smtp:
    smtp.ehlo('outside.example')
    smtp.mail(sender)
    code, reply = smtp.rcpt(bcc)
    if code != 250:
        sys.exit('RCPT %d %s' % (code, reply.decode()))
    code, reply = smtp.data(message.as_bytes())
    print(code, reply.decode())
`;

/** Real SMTP clients in their own processes (curl, Python's smtplib) against the mail-ingest process. */
describe('mail-ingest process: SMTP clients outside jest', () => {
  let mail: MailProcessStack;
  let workDir: string;

  beforeAll(async () => {
    if (!hasCurl) console.warn('curl is not installed: its tests are skipped');
    if (!hasPython) console.warn('python3 is not installed: its test is skipped');
    workDir = mkdtempSync(path.join(tmpdir(), 'mail-ingest-outside-'));
    mail = await startMailProcessStack();
  }, 120_000);
  afterAll(async () => {
    await mail?.stack.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** The contact created for `customer` and its one email, once filed. */
  async function filedOn(customer: string) {
    const contact = await eventually(() => contactByEmail(mail.stack.gatewayUrl, mail.auth, customer), 30_000);
    const emails = await eventually(async () => {
      const list = await emailsOf(mail.stack.gatewayUrl, mail.auth, 'contact', contact.id);
      return list.length > 0 ? list : undefined;
    }, 30_000);
    return { contact, emails };
  }

  withCurl(`curl uploads a hand-written RFC 5322 message with the BCC address as envelope recipient${skipped('curl', hasCurl)}`, async () => {
    const run = Date.now();
    const customer = `curl-${run}@customer.example`;
    const subject = `Quote from curl ${run}`;
    const eml = path.join(workDir, 'curl.eml');
    const message = [
      `From: Ada Admin <${mail.adminEmail}>`,
      `To: Carl Curl <${customer}>`,
      `Subject: ${subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <curl-${run}@outside.example>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello Carl,',
      '',
      'here is the quote we talked about.',
      '',
    ].join('\r\n');
    writeFileSync(eml, message);

    const curl = await runCommand('curl', ['-sSv', '--url', `smtp://127.0.0.1:${mail.smtpPort}`, '--mail-from', mail.adminEmail, '--mail-rcpt', mail.bcc, '--upload-file', eml]);
    expect({ code: curl.code, stderr: curl.stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/< 250 2\.0\.0 Queued as \d+/) });

    const { contact, emails } = await filedOn(customer);
    expect(contact).toMatchObject({ first_name: 'Carl', last_name: 'Curl' });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ subject, message_id: `curl-${run}@outside.example`, direction: 'sent' });
    expect(emails[0].text).toContain('here is the quote we talked about.');
  });

  withPython(`Python's smtplib sends a message with the BCC address as envelope recipient${skipped('python3', hasPython)}`, async () => {
    const run = Date.now();
    const customer = `python-${run}@customer.example`;
    const subject = `Follow-up from Python ${run}`;
    const python = await runCommand('python3', ['-', String(mail.smtpPort), mail.adminEmail, customer, mail.bcc, subject, `python-${run}@outside.example`], PYTHON_SENDER);
    expect({ code: python.code, stderr: python.stderr }).toEqual({ code: 0, stderr: '' });
    expect(python.stdout).toMatch(/^250 2\.0\.0 Queued as \d+/);

    const { contact, emails } = await filedOn(customer);
    expect(contact).toMatchObject({ first_name: 'Pia', last_name: 'Python' });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ subject, message_id: `python-${run}@outside.example`, direction: 'sent' });
  });

  withCurl(`curl to an unknown address at the BCC domain is refused with 550 and nothing is stored${skipped('curl', hasCurl)}`, async () => {
    const eml = path.join(workDir, 'unknown.eml');
    writeFileSync(eml, [`From: ${mail.adminEmail}`, 'To: nobody', 'Subject: Lost', '', 'Nobody reads this.', ''].join('\r\n'));
    const before = await rawMessageCount(mail.stack);
    const domain = mail.bcc.split('@')[1];

    const curl = await runCommand('curl', ['-sS', '--url', `smtp://127.0.0.1:${mail.smtpPort}`, '--mail-from', mail.adminEmail, '--mail-rcpt', `nobody@${domain}`, '--upload-file', eml]);
    expect(curl.code).not.toBe(0);
    expect(curl.stderr).toMatch(/\b550\b/);
    expect(await rawMessageCount(mail.stack)).toBe(before);
  });
});
