import request from 'supertest';
import { factories, Stack, startStack } from '@crm/testing';
import { mailIngestService, SmtpListener } from '../src/app';
import { contactByEmail, emailsOf, eventually, sendMail } from './mail-helpers';

/** The seed's scenarios and the filing rules of DESIGN.md, over real SMTP, through to the API. */
describe('BCC mail ingest', () => {
  let stack: Stack;
  let smtpPort: number;
  let auth: { Authorization: string };
  let userEmail: string;
  let bcc: string;

  beforeAll(async () => {
    stack = await startStack({ services: ['records', 'distribution', 'communications', mailIngestService, 'gateway'] });
    smtpPort = stack.services.find((s) => s.name === 'mail-ingest')!.app.get(SmtpListener).port!;
    ({ auth } = await stack.createAccount());
    userEmail = (await request(stack.gatewayUrl).get('/v2/users/self').set(auth).expect(200)).body.data.email;
    bcc = await eventually(async () => (await request(stack.gatewayUrl).get('/v2/bcc_address').set(auth)).body.data?.email);
  });

  afterAll(() => stack?.stop());

  it('gives the account a global BCC address with 96+ random bits, shown on every contact', async () => {
    expect(bcc).toMatch(/^[0-9a-f]{32}@bcc\.test$/);
    const contact = (await request(stack.gatewayUrl).post('/v2/contacts').set(auth).send({ data: factories.person() }).expect(200)).body.data;
    const shown = await eventually(async () => {
      const res = await request(stack.gatewayUrl).get(`/v2/contacts/${contact.id}`).set(auth);
      return res.body.data.bcc_email ?? undefined;
    });
    expect(shown).toBe(bcc);
  });

  it('scenario 1: a user forwards a customer\'s email to the BCC address (in To): filed on the original sender', async () => {
    const customer = `forward-${Date.now()}@customer.example`;
    const body = [
      'Please see below.',
      '',
      '---------- Forwarded message ---------',
      `From: Carla Customer <${customer}>`,
      'Date: Mon, 23 Nov 2026 at 10:00',
      'Subject: Pricing question',
      `To: ${userEmail}`,
      '',
      'What does the premium plan cost?',
    ].join('\n');
    await sendMail(smtpPort, { from: userEmail, to: bcc, subject: 'Fwd: Pricing question', text: body });
    const contact = await eventually(() => contactByEmail(stack.gatewayUrl, auth, customer));
    const [email] = await eventually(async () => nonEmpty(await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id)));
    expect(email).toMatchObject({ subject: 'Pricing question', direction: 'received', forwarded: true, from: { email: customer, name: 'Carla Customer' } });
    expect(email.text).toContain('What does the premium plan cost?');
  });

  it('scenario 2: a user writes to a new customer with the BCC address in Bcc: a contact is created and the email attached', async () => {
    const customer = `new-${Date.now()}@customer.example`;
    await sendMail(smtpPort, { from: userEmail, to: `New Customer <${customer}>`, bcc, subject: 'Our offer', text: 'Hello, here is our offer.' });
    const contact = await eventually(() => contactByEmail(stack.gatewayUrl, auth, customer));
    expect(contact).toMatchObject({ first_name: 'New', last_name: 'Customer' });
    const [email] = await eventually(async () => nonEmpty(await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id)));
    expect(email).toMatchObject({ subject: 'Our offer', direction: 'sent', to: [{ email: customer, name: 'New Customer' }] });
  });

  it('scenario 3: an email to a customer and a new colleague is filed on the customer; the colleague never becomes a contact', async () => {
    const colleague = factories.user({ name: 'Nina Newhire' });
    await request(stack.gatewayUrl).post('/v2/users').set(auth).send({ data: colleague }).expect(200);
    const customer = `both-${Date.now()}@customer.example`;
    await sendMail(smtpPort, { from: userEmail, to: [customer, colleague.email], bcc, subject: 'Kick-off', text: 'Meet Nina, your new account manager.' });
    const contact = await eventually(() => contactByEmail(stack.gatewayUrl, auth, customer));
    await eventually(async () => nonEmpty(await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id)));
    expect(await contactByEmail(stack.gatewayUrl, auth, colleague.email)).toBeUndefined();
  });

  it('files mail from someone outside the company under its sender, matching an existing contact case-insensitively', async () => {
    const existing = factories.person({ email: `Known.Person-${Date.now()}@Customer.example` });
    const contact = (await request(stack.gatewayUrl).post('/v2/contacts').set(auth).send({ data: existing }).expect(200)).body.data;
    await sendMail(smtpPort, { from: existing.email.toLowerCase(), to: userEmail, bcc, subject: 'Question', text: 'Hi!' });
    const [email] = await eventually(async () => nonEmpty(await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id)));
    expect(email).toMatchObject({ direction: 'received', subject: 'Question' });
  });

  it('files mail sent to a deal\'s dropbox address on the deal and its contacts', async () => {
    const contact = (await request(stack.gatewayUrl).post('/v2/contacts').set(auth).send({ data: factories.person() }).expect(200)).body.data;
    const deal = (await request(stack.gatewayUrl).post('/v2/deals').set(auth).send({ data: factories.deal({ contact_id: contact.id }) }).expect(200)).body.data;
    const dropbox: string = await eventually(async () => (await request(stack.gatewayUrl).get(`/v2/deals/${deal.id}`).set(auth)).body.data.dropbox_email ?? undefined);
    expect(dropbox).toMatch(new RegExp(`^deal-${deal.id}-[0-9a-f]{24}@bcc\\.test$`));
    await sendMail(smtpPort, { from: userEmail, to: `colleague-${Date.now()}@elsewhere.example`, bcc: dropbox, subject: 'Deal update', text: 'Contract attached soon.' });
    const [onDeal] = await eventually(async () => nonEmpty(await emailsOf(stack.gatewayUrl, auth, 'deal', deal.id)));
    expect(onDeal.subject).toBe('Deal update');
    const onContact = await emailsOf(stack.gatewayUrl, auth, 'contact', contact.id);
    expect(onContact.map((e) => e.id)).toContain(onDeal.id);
  });

  it('keeps one email for the same Message-ID sent again, linked to the new records too', async () => {
    const first = `dup-a-${Date.now()}@customer.example`;
    const second = `dup-b-${Date.now()}@customer.example`;
    const messageId = `<dup-${Date.now()}@mailer.example>`;
    await sendMail(smtpPort, { from: userEmail, to: first, bcc, subject: 'Twice', text: 'Same message.', messageId });
    await sendMail(smtpPort, { from: userEmail, to: first, bcc, subject: 'Twice', text: 'Same message.', messageId });
    await sendMail(smtpPort, { from: userEmail, to: second, bcc, subject: 'Twice', text: 'Same message.', messageId });
    const a = await eventually(() => contactByEmail(stack.gatewayUrl, auth, first));
    const b = await eventually(() => contactByEmail(stack.gatewayUrl, auth, second));
    const [onB] = await eventually(async () => nonEmpty(await emailsOf(stack.gatewayUrl, auth, 'contact', b.id)));
    const onA = await emailsOf(stack.gatewayUrl, auth, 'contact', a.id);
    expect(onA).toHaveLength(1);
    expect(onA[0].id).toBe(onB.id);
    expect(onB.resources).toEqual(expect.arrayContaining([{ resource_type: 'contact', resource_id: a.id }, { resource_type: 'contact', resource_id: b.id }]));
  });

  it('refuses unknown addresses at RCPT with 550 and accepts nothing', async () => {
    await expect(sendMail(smtpPort, { from: userEmail, to: 'nobody@bcc.test', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(sendMail(smtpPort, { from: userEmail, to: `${bcc.split('@')[0]}@other.example`, subject: 'x', text: 'x' })).rejects.toMatchObject({
      responseCode: 550,
    });
  });

  it('writes an ingest log per message, for admins only', async () => {
    const customer = `logged-${Date.now()}@customer.example`;
    const sent = await sendMail(smtpPort, { from: userEmail, to: customer, bcc, subject: 'Logged', text: 'x' });
    const id = Number(/Queued as (\d+)/.exec(sent.response)![1]);
    const message = await eventually(async () => {
      const res = await request(stack.gatewayUrl).get(`/v2/ingested_messages/${id}`).set(auth).expect(200);
      return res.body.data.status === 'filed' ? res.body.data : undefined;
    });
    expect(message.log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'resolved', resource_type: 'user' }),
        expect.objectContaining({ action: 'created', email: customer, resource_type: 'contact' }),
      ]),
    );
    const list = await request(stack.gatewayUrl).get('/v2/ingested_messages?status=filed').set(auth).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    await request(stack.gatewayUrl).get('/v2/ingested_messages?status=weird').set(auth).expect(422);

    const rep = factories.user({ role: 'user' });
    const repUser = (await request(stack.gatewayUrl).post('/v2/users').set(auth).send({ data: rep }).expect(200)).body.data;
    const token = (await request(stack.gatewayUrl).post(`/v2/users/${repUser.id}/tokens`).set(auth).send({ data: { name: 'rep' } }).expect(201)).body.data.access_token;
    const repAuth = { Authorization: `Bearer ${token}` };
    await request(stack.gatewayUrl).get('/v2/ingested_messages').set(repAuth).expect(403);
    await request(stack.gatewayUrl).post('/v2/bcc_address/regenerate').set(repAuth).expect(403);
    expect((await request(stack.gatewayUrl).get('/v2/bcc_address').set(repAuth).expect(200)).body.data.email).toBe(bcc);
  });
});

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}
