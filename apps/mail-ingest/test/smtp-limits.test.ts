import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { Stack, startStack } from '@crm/testing';
import { mailIngestService, SmtpListener } from '../src/app';
import { contactByEmail, emailsOf, eventually, sendMail } from './mail-helpers';

/** Above a 10 MB attachment in base64 (13.7 MB), below the default, to keep the test quick. */
const MAX_BYTES = 15 * 1024 * 1024;

/** The SMTP protocol edges: SIZE, recipients, storage failures, big and odd messages, address rotation. */
describe('SMTP limits and odd messages', () => {
  let stack: Stack;
  let port: number;
  let auth: { Authorization: string };
  let user: string;
  let bcc: string;

  beforeAll(async () => {
    stack = await startStack({
      services: ['records', 'distribution', 'communications', mailIngestService, 'gateway'],
      settings: { SMTP_MAX_MESSAGE_BYTES: String(MAX_BYTES), SMTP_MAX_RECIPIENTS: '3', BCC_GRACE_PERIOD_SECONDS: '3' },
    });
    port = stack.services.find((s) => s.name === 'mail-ingest')!.app.get(SmtpListener).port!;
    ({ auth } = await stack.createAccount());
    user = (await request(stack.gatewayUrl).get('/v2/users/self').set(auth).expect(200)).body.data.email;
    bcc = await eventually(async () => (await request(stack.gatewayUrl).get('/v2/bcc_address').set(auth)).body.data?.email);
  });

  afterAll(() => stack?.stop());

  const ingestedCount = async () =>
    (await request(stack.gatewayUrl).get('/v2/ingested_messages?per_page=100').set(auth).expect(200)).body.items.length as number;

  it('advertises SIZE, 8BITMIME and SMTPUTF8 in its EHLO reply', async () => {
    const reply = await ehlo(port);
    expect(reply).toMatch(new RegExp(`250[- ]SIZE ${MAX_BYTES}`));
    expect(reply).toMatch(/250[- ]8BITMIME/);
    expect(reply).toMatch(/250[- ]SMTPUTF8/);
    expect(reply).not.toContain('STARTTLS');
  });

  it('answers 552 to a message over the size limit and stores nothing', async () => {
    const before = await ingestedCount();
    const big = randomBytes(MAX_BYTES + 1024 * 1024);
    await expect(
      sendMail(port, { from: user, to: `big-${Date.now()}@customer.example`, bcc, subject: 'too big', text: 'x', attachments: [{ filename: 'big.bin', content: big }] }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await ingestedCount()).toBe(before);
  });

  it('refuses recipients past the limit with 452 and delivers to the accepted ones', async () => {
    const recipients = [bcc, bcc.toUpperCase(), `${bcc.split('@')[0]}@BCC.test`, `${bcc.split('@')[0].toUpperCase()}@bcc.test`];
    const replies = await smtpDialog(port, [
      'EHLO test.example',
      `MAIL FROM:<${user}>`,
      ...recipients.map((address) => `RCPT TO:<${address}>`),
      'DATA',
      `From: ${user}\r\nTo: limit-${Date.now()}@customer.example\r\nSubject: many\r\n\r\nx\r\n.`,
      'QUIT',
    ]);
    const codes = replies.map((reply) => reply.slice(0, 3));
    expect(codes).toEqual(['220', '250', '250', '250', '250', '250', '452', '354', '250', '221']);
    expect(replies[8]).toMatch(/Queued as \d+/);
  });

  it('answers 451 when the store is unavailable, changes nothing, and accepts again once it is back', async () => {
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    const before = await ingestedCount();
    try {
      await db.query('ALTER TABLE mail_ingest.raw_messages RENAME TO raw_messages_away');
      await expect(sendMail(port, { from: user, to: `later-${Date.now()}@customer.example`, bcc, subject: 'retry me', text: 'x' })).rejects.toMatchObject({
        responseCode: 451,
      });
    } finally {
      await db.query('ALTER TABLE mail_ingest.raw_messages_away RENAME TO raw_messages');
      await db.end();
    }
    expect(await ingestedCount()).toBe(before);
    const customer = `later-${Date.now()}@customer.example`;
    await sendMail(port, { from: user, to: customer, bcc, subject: 'retry me', text: 'x' });
    await eventually(() => contactByEmail(stack.gatewayUrl, auth, customer));
  });

  it('takes a message with a 10 MB attachment and serves the attachment back byte for byte', async () => {
    const content = randomBytes(10 * 1024 * 1024);
    const customer = `attach-${Date.now()}@customer.example`;
    await sendMail(port, { from: user, to: customer, bcc, subject: 'The contract', text: 'Attached.', attachments: [{ filename: 'contract é.pdf', content, contentType: 'application/pdf' }] });
    const contact = await eventually(() => contactByEmail(stack.gatewayUrl, auth, customer), 30_000);
    const [email] = await eventually(async () => nonEmpty(await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id)), 30_000);
    expect(email.attachments).toEqual([expect.objectContaining({ filename: 'contract é.pdf', content_type: 'application/pdf', size: content.length })]);
    const res = await request(stack.gatewayUrl)
      .get(`/v2/emails/${email.id}/attachments/${email.attachments[0].id}`)
      .set(auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(sha256(res.body as Buffer)).toBe(sha256(content));
  });

  it('decodes non-UTF-8 charsets (ISO-8859-1 headers and body, KOI8-R body)', async () => {
    const customer = `charset-${Date.now()}@customer.example`;
    const latin1 = Buffer.concat([
      Buffer.from(
        [`From: ${user}`, `To: ${customer}`, `Bcc: ${bcc}`, 'Subject: =?ISO-8859-1?Q?R=E9sum=E9_f=FCr_Fran=E7ois?=', 'MIME-Version: 1.0',
          'Message-ID: <latin1-' + Date.now() + '@test>', 'Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n'),
      ),
      Buffer.from('Grüße aus Köln, à bientôt\r\n', 'latin1'),
    ]);
    const koi8 = Buffer.concat([
      Buffer.from(
        [`From: ${user}`, `To: ${customer}`, 'Subject: =?KOI8-R?B?8NLJ18XU?=', 'MIME-Version: 1.0', 'Message-ID: <koi8-' + Date.now() + '@test>',
          'Content-Type: text/plain; charset=KOI8-R', 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n'),
      ),
      Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x0d, 0x0a]), // "Привет" in KOI8-R
    ]);
    await sendMail(port, { envelope: { from: user, to: [bcc] }, raw: latin1 });
    await sendMail(port, { envelope: { from: user, to: [bcc] }, raw: koi8 });
    const contact = await eventually(() => contactByEmail(stack.gatewayUrl, auth, customer));
    const emails = await eventually(async () => {
      const found = await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id);
      return found.length === 2 ? found : undefined;
    });
    const bySubject = new Map(emails.map((email) => [email.subject, email]));
    expect(bySubject.get('Résumé für François')?.text).toContain('Grüße aus Köln, à bientôt');
    expect(bySubject.get('Привет')?.text).toContain('Привет');
  });

  it('keeps a message it cannot file (no sender), marks it failed for admins, and files a damaged MIME message as far as it can', async () => {
    const noSender = Buffer.from(['To: someone@customer.example', 'Subject: who sent this?', 'Content-Type: multipart/mixed; boundary="x"', '', '--x', 'garbage'].join('\r\n'));
    const sent = await sendMail(port, { envelope: { from: '', to: [bcc] }, raw: noSender });
    const id = Number(/Queued as (\d+)/.exec(sent.response)![1]);
    const failed = await eventually(async () => {
      const res = await request(stack.gatewayUrl).get(`/v2/ingested_messages/${id}`).set(auth).expect(200);
      return res.body.data.status === 'failed' ? res.body.data : undefined;
    });
    expect(failed).toMatchObject({ last_error: expect.stringContaining('no sender') });
    expect(failed.size).toBeGreaterThanOrEqual(noSender.length);
    const listed = await request(stack.gatewayUrl).get('/v2/ingested_messages?status=failed').set(auth).expect(200);
    expect(listed.body.items.map((item: { data: { id: number } }) => item.data.id)).toContain(id);
    const retried = await request(stack.gatewayUrl).post(`/v2/ingested_messages/${id}/retry`).set(auth).expect(200);
    expect(retried.body.data.status).toBe('pending');
    await eventually(async () => ((await request(stack.gatewayUrl).get(`/v2/ingested_messages/${id}`).set(auth)).body.data.status === 'failed' ? true : undefined));
    await request(stack.gatewayUrl).post(`/v2/ingested_messages/${id}/retry`).set(auth).expect(200);
    await eventually(async () => ((await request(stack.gatewayUrl).get(`/v2/ingested_messages/${id}`).set(auth)).body.data.status === 'failed' ? true : undefined));
    await request(stack.gatewayUrl).post(`/v2/ingested_messages/999999/retry`).set(auth).expect(404);

    const customer = `damaged-${Date.now()}@customer.example`;
    const damaged = Buffer.from(
      [`From: ${customer}`, `To: ${user}`, 'Subject: damaged', 'Content-Type: multipart/alternative; boundary="b1"', '', '--b1',
        'Content-Type: text/plain', 'Content-Transfer-Encoding: base64', '', 'SGVsbG8gd29ybGQ=!!!not-base64', '--b1', 'Content-Type: text/html', ''].join('\r\n'),
    );
    await sendMail(port, { envelope: { from: customer, to: [bcc] }, raw: damaged });
    const contact = await eventually(() => contactByEmail(stack.gatewayUrl, auth, customer));
    const [email] = await eventually(async () => nonEmpty(await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id)));
    expect(email.subject).toBe('damaged');
  });

  it('regenerates the address: the new one works at once, the old one during the grace period, then 550', async () => {
    const regenerated = (await request(stack.gatewayUrl).post('/v2/bcc_address/regenerate').set(auth).expect(200)).body.data;
    expect(regenerated.email).not.toBe(bcc);
    expect(regenerated.previous).toEqual([{ email: bcc, expires_at: expect.any(String) }]);
    const first = `rotate-a-${Date.now()}@customer.example`;
    await sendMail(port, { from: user, to: first, bcc: regenerated.email, subject: 'new address', text: 'x' });
    await sendMail(port, { from: user, to: first, bcc, subject: 'old address in grace', text: 'x' });
    const contact = await eventually(() => contactByEmail(stack.gatewayUrl, auth, first));
    await eventually(async () => ((await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id)).length === 2 ? true : undefined));
    const shown = await eventually(async () => {
      const email = (await request(stack.gatewayUrl).get(`/v2/contacts/${contact.id}`).set(auth)).body.data.bcc_email;
      return email === regenerated.email ? email : undefined;
    });
    expect(shown).toBe(regenerated.email);

    await new Promise((resolve) => setTimeout(resolve, 3500));
    await expect(sendMail(port, { from: user, to: first, bcc, subject: 'old address expired', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    expect((await request(stack.gatewayUrl).get('/v2/bcc_address').set(auth).expect(200)).body.data).toMatchObject({ email: regenerated.email, previous: [] });
  });
});

async function ehlo(port: number): Promise<string> {
  return (await smtpDialog(port, ['EHLO test.example', 'QUIT']))[1];
}

/** Talk SMTP over a raw socket, one command at a time: the greeting, then each command's complete reply. */
async function smtpDialog(port: number, commands: string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  let waiting: ((reply: string) => void) | undefined;
  const deliver = () => {
    const complete = /^(?:\d{3}-[^\r\n]*\r\n)*\d{3} [^\r\n]*\r\n/.exec(buffer);
    if (!complete || !waiting) return;
    buffer = buffer.slice(complete[0].length);
    const resolve = waiting;
    waiting = undefined;
    resolve(complete[0]);
  };
  const failed = new Promise<never>((_, reject) => socket.once('error', reject));
  socket.on('data', (chunk) => {
    buffer += chunk.toString();
    deliver();
  });
  const nextReply = () => Promise.race([new Promise<string>((resolve) => ((waiting = resolve), deliver())), failed]);
  const replies = [await nextReply()];
  for (const command of commands) {
    socket.write(`${command}\r\n`);
    replies.push(await nextReply());
  }
  socket.destroy();
  return replies;
}

function sha256(buffer: Buffer): string {
  return createHash('sha256').update(buffer).digest('hex');
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}
