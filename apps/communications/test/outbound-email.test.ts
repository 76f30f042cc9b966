import { randomBytes } from 'node:crypto';
import { OutboundEmailRequests as O, RecordsRequests as R, SentEmailDto } from '@crm/contracts';
import { factories, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { communicationsService } from '../src/app';
import { addressesOf, RelayedMessage, TestRelay } from './outbound-email-relay';
import { Api, Auth, eventually } from './support';

type Party = { id: number; email: string | null; first_name?: string; last_name?: string };

/**
 * Mail composed through the gateway, stored by communications and handed to a real SMTP server
 * standing in for the relay; two communications replicas share the queue, as in production.
 */
describe('sending email from the CRM', () => {
  let stack: Stack;
  let relay: TestRelay;
  let api: Api;
  let auth: Auth;
  let admin: { accountId: number; userId: number; email: string };

  beforeAll(async () => {
    relay = await TestRelay.start();
    stack = await startStack({
      services: ['records', communicationsService, 'gateway'],
      replicas: { communications: 2 },
      settings: { SMTP_RELAY_URL: relay.url },
    });
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    auth = account.auth;
    const user = (await api.get('/v2/users/self').set(auth).expect(200)).body.data as { email: string };
    admin = { accountId: account.accountId, userId: account.userId, email: user.email };
  });
  afterAll(async () => {
    await stack?.stop();
    await relay?.stop();
  });

  const database = () => stack.services.find((s) => s.name === 'communications')!.app.get(DataSource);
  const createContact = async (a: Auth = auth, attributes: Record<string, unknown> = {}) =>
    (await api.post('/v2/contacts').set(a).send({ data: factories.person(attributes) }).expect(200)).body.data as Party;
  const createLead = async (a: Auth = auth, attributes: Record<string, unknown> = {}) =>
    (await api.post('/v2/leads').set(a).send({ data: factories.lead(attributes) }).expect(200)).body.data as Party;
  const send = (data: unknown, a: Auth = auth) => api.post('/v2/emails').set(a).send({ data });
  const sendOk = async (data: unknown, a: Auth = auth) => {
    const response = await send(data, a);
    expect(response.status).toBe(200);
    return response.body.data as SentEmailDto;
  };
  const getEmail = async (id: number, a: Auth = auth) => (await api.get(`/v2/emails/${id}`).set(a).expect(200)).body.data as SentEmailDto;
  const delivered = async (id: number, a: Auth = auth): Promise<SentEmailDto> => {
    let email: SentEmailDto | undefined;
    await eventually(async () => {
      email = await getEmail(id, a);
      expect(email.status).toBe('sent');
    }, 20_000);
    return email!;
  };
  const relayed = async (messageId: string): Promise<RelayedMessage> => {
    await eventually(async () => expect(relay.copiesOf(messageId)).toHaveLength(1), 20_000);
    return relay.copiesOf(messageId)[0];
  };
  const storedCounts = async () => {
    const [row] = await database().query(
      `SELECT (SELECT count(*) FROM communications.emails)::int AS emails, (SELECT count(*) FROM communications.email_tracking)::int AS tracking,
              (SELECT count(*) FROM communications.mailbox_entries)::int AS entries, (SELECT count(*) FROM communications.email_links)::int AS links`,
    );
    return row as { emails: number; tracking: number; entries: number; links: number };
  };
  const emailsOn = async (type: string, id: number) =>
    ((await api.get('/v2/emails').query({ resource_type: type, resource_id: id }).set(auth).expect(200)).body.items as { data: SentEmailDto }[]).map(
      (item) => item.data,
    );
  const pixelToken = (message: RelayedMessage) => {
    const match = /http:\/\/crm\.test\/v2\/email_opens\/([A-Za-z0-9_-]+)\.gif/.exec(String(message.parsed.html));
    expect(match).not.toBeNull();
    return match![1];
  };

  it('sends to a contact and a lead through the relay, files it on both and marks it sent', async () => {
    const contact = await createContact(auth, { first_name: 'Carla', last_name: 'Contact' });
    const lead = await createLead(auth, { first_name: 'Leo', last_name: 'Lead' });
    const queued = await sendOk({
      to: [
        { resource_type: 'contact', resource_id: contact.id },
        { resource_type: 'lead', resource_id: lead.id },
      ],
      cc: ['Boss@Customer.example'],
      subject: 'Our proposal',
      text: 'Hello,\nthe proposal is attached <soon> & signed.',
    });
    expect(queued).toMatchObject({
      direction: 'sent',
      user_id: admin.userId,
      subject: 'Our proposal',
      from: { email: admin.email, name: 'Ada Admin' },
      to: [
        { email: contact.email, name: 'Carla Contact' },
        { email: lead.email, name: 'Leo Lead' },
      ],
      cc: [{ email: 'boss@customer.example', name: null }],
      resources: expect.arrayContaining([
        { resource_type: 'contact', resource_id: contact.id },
        { resource_type: 'lead', resource_id: lead.id },
      ]),
      open_count: 0,
      last_error: null,
    });
    expect(queued.message_id).toMatch(/^[0-9a-f-]{36}@bcc\.test$/);

    const message = await relayed(queued.message_id);
    expect(message.mailFrom).toBe(admin.email);
    expect(message.recipients.sort()).toEqual([contact.email, lead.email, 'boss@customer.example'].sort());
    expect(message.parsed.from?.value).toEqual([{ address: admin.email, name: 'Ada Admin' }]);
    expect(addressesOf(message.parsed.to)).toEqual([
      { address: contact.email, name: 'Carla Contact' },
      { address: lead.email, name: 'Leo Lead' },
    ]);
    expect(addressesOf(message.parsed.cc)).toEqual([{ address: 'boss@customer.example', name: '' }]);
    expect(message.parsed.subject).toBe('Our proposal');
    expect(message.parsed.text?.trim()).toBe('Hello,\nthe proposal is attached <soon> & signed.');
    // A text-only email gets an HTML alternative: the text escaped, and the pixel.
    expect(message.parsed.html).toContain('the proposal is attached &lt;soon&gt; &amp; signed.');
    expect(message.parsed.html).toMatch(/<img src="http:\/\/crm\.test\/v2\/email_opens\/[A-Za-z0-9_-]{32}\.gif" width="1" height="1" alt="">/);
    expect(message.raw).toMatch(/^Content-Type: multipart\/alternative/m);

    const sent = await delivered(queued.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null, open_count: 0, last_opened_at: null });
    expect(Date.parse(sent.sent_at!)).toBeGreaterThanOrEqual(Date.parse(queued.created_at));
    expect(sent.html).toBeNull(); // the pixel is only in the copy that was sent
    for (const [type, id] of [['contact', contact.id], ['lead', lead.id]] as const) {
      expect((await emailsOn(type, id)).map((email) => [email.id, email.status])).toEqual([[queued.id, 'sent']]);
    }
    // The sender's Sent folder has it, already read.
    const entries = await database().query(`SELECT user_id, folder, sender_email, read_at FROM communications.mailbox_entries WHERE email_id = $1`, [queued.id]);
    expect(entries).toEqual([{ user_id: admin.userId, folder: 'sent', sender_email: admin.email.toLowerCase(), read_at: expect.any(Date) }]);
  });

  it('sends HTML sanitised, with the pixel only in the copy sent', async () => {
    const contact = await createContact();
    const queued = await sendOk({
      to: [{ resource_type: 'contact', resource_id: contact.id }],
      subject: 'Line one\r\nBcc: victim@example.com',
      html: '<p onclick="steal()">Hi <b>there</b></p><script>alert(1)</script>',
    });
    expect(queued.subject).toBe('Line one Bcc: victim@example.com');
    expect(queued.html).toBe('<p>Hi <b>there</b></p>');
    const message = await relayed(queued.message_id);
    expect(message.recipients).toEqual([contact.email]);
    expect(message.parsed.headers.has('bcc')).toBe(false);
    expect(message.parsed.html).toMatch(/^<p>Hi <b>there<\/b><\/p><img src="http:\/\/crm\.test\/v2\/email_opens\/[A-Za-z0-9_-]{32}\.gif"/);
    expect((await delivered(queued.id)).html).toBe('<p>Hi <b>there</b></p>');
  });

  it('counts opens from the pixel; a forged or malformed token gets the same image and changes nothing', async () => {
    const contact = await createContact();
    const queued = await sendOk({ to: [{ resource_type: 'contact', resource_id: contact.id }], subject: 'Tracked', text: 'Open me' });
    const token = pixelToken(await relayed(queued.message_id));
    await delivered(queued.id);

    const pixel = (path: string) => request(stack.gatewayUrl).get(path).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const real = await pixel(`/v2/email_opens/${token}.gif`);
    await pixel(`/v2/email_opens/${token}.gif`);
    await eventually(async () => expect((await getEmail(queued.id)).open_count).toBe(2));
    const opened = await getEmail(queued.id);
    expect(opened.first_opened_at).not.toBeNull();
    expect(Date.parse(opened.last_opened_at!)).toBeGreaterThanOrEqual(Date.parse(opened.first_opened_at!));

    const shown = (response: request.Response) => ({
      status: response.status,
      type: response.headers['content-type'],
      length: response.headers['content-length'],
      cache: response.headers['cache-control'],
      etag: response.headers.etag,
      body: (response.body as Buffer).toString('base64'),
    });
    expect(shown(real)).toEqual({
      status: 200,
      type: 'image/gif',
      length: '42',
      cache: 'no-store',
      etag: undefined,
      body: 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
    });
    const before = await database().query(`SELECT email_id, open_count, last_opened_at FROM communications.email_tracking ORDER BY email_id`);
    const forged = randomBytes(24).toString('base64url');
    for (const path of [`/v2/email_opens/${forged}.gif`, `/v2/email_opens/${token.slice(1)}.gif`, `/v2/email_opens/${token}`, '/v2/email_opens/%27%20OR%201=1.gif']) {
      expect(shown(await pixel(path))).toEqual(shown(real));
    }
    // Communications itself finds nothing to count for a token nobody was given.
    expect(await stack.rpc.request(O.RecordEmailOpen, { token: forged })).toEqual({ recorded: false });
    expect(await database().query(`SELECT email_id, open_count, last_opened_at FROM communications.email_tracking ORDER BY email_id`)).toEqual(before);
  });

  it('answers an email: In-Reply-To and References point at it', async () => {
    const contact = await createContact();
    const first = await sendOk({ to: [{ resource_type: 'contact', resource_id: contact.id }], subject: 'Question', text: 'Any news?' });
    const reply = await sendOk({
      to: [{ resource_type: 'contact', resource_id: contact.id }],
      subject: 'Re: Question',
      text: 'Following up.',
      in_reply_to: first.id,
    });
    expect(reply).toMatchObject({ in_reply_to: first.message_id, references: [first.message_id] });
    const again = await sendOk({ to: [{ resource_type: 'contact', resource_id: contact.id }], subject: 'Re: Question', text: 'And again.', in_reply_to: reply.id });
    expect(again.references).toEqual([first.message_id, reply.message_id]);

    await Promise.all([relayed(first.message_id), relayed(reply.message_id)]);
    const message = await relayed(again.message_id);
    expect(message.parsed.inReplyTo).toBe(`<${reply.message_id}>`);
    expect(message.parsed.references).toEqual([`<${first.message_id}>`, `<${reply.message_id}>`]);
    expect(message.raw).toContain(`Message-ID: <${again.message_id}>`);
  });

  it('refuses bad input with a clear error, and then stores and sends nothing', async () => {
    const contact = await createContact();
    const noEmail = await createLead(auth, { email: null });
    const other = await stack.createAccount('Other company');
    const foreign = await createContact(other.auth);
    const to = [{ resource_type: 'contact', resource_id: contact.id }];
    const before = await storedCounts();
    const relayedBefore = relay.received.length;

    const refused = async (data: unknown, status: number, field?: string) => {
      const response = await send(data);
      expect(response.status).toBe(status);
      if (field) expect(response.body.errors.map((e: { error: { field: string } }) => e.error.field)).toContain(field);
      return response.body.errors as { error: { code: string; message: string; resource: string } }[];
    };
    await refused({ subject: 'Hi', text: 'x' }, 422, '/to');
    await refused({ to: [], subject: 'Hi', text: 'x' }, 422, '/to');
    await refused({ to: [{ resource_type: 'deal', resource_id: 1 }], subject: 'Hi', text: 'x' }, 422, '/to/0/resource_type');
    await refused({ to: [{ resource_type: 'contact' }], subject: 'Hi', text: 'x' }, 422, '/to/0/resource_id');
    await refused({ to, subject: 'Hi' }, 422, '/text');
    await refused({ to, subject: 'Hi', html: '<script>only()</script>' }, 422, '/text');
    await refused({ to, text: 'x' }, 422, '/subject');
    await refused({ to, subject: ' \r\n ', text: 'x' }, 422, '/subject');
    await refused({ to, subject: 'Hi', text: 'x', cc: ['not an address'] }, 422, '/cc');
    await refused({ to, subject: 'Hi', text: 'x', bcc: ['a@example.com'] }, 422, '/bcc');
    await refused({ to, subject: 'Hi', text: 'x', in_reply_to: 'abc' }, 422, '/in_reply_to');
    expect((await api.post('/v2/emails').set(auth).send({ subject: 'no envelope' })).status).toBe(422);
    expect((await api.post('/v2/emails').send({ data: { to, subject: 'Hi', text: 'x' } })).status).toBe(401);

    const [missing] = await refused({ to: [{ resource_type: 'contact', resource_id: 2_000_000_000 }], subject: 'Hi', text: 'x' }, 404);
    expect(missing.error).toMatchObject({ resource: 'contact', code: 'not_found' });
    await refused({ to: [...to, { resource_type: 'contact', resource_id: foreign.id }], subject: 'Hi', text: 'x' }, 404);
    const [blank] = await refused({ to: [...to, { resource_type: 'lead', resource_id: noEmail.id }], subject: 'Hi', text: 'x' }, 422, '/to/1/resource_id');
    expect(blank.error.message).toBe(`lead ${noEmail.id} has no email address`);
    const [unknownParent] = await refused({ to, subject: 'Re: Hi', text: 'x', in_reply_to: 2_000_000_000 }, 404);
    expect(unknownParent.error).toMatchObject({ resource: 'email', code: 'not_found' });

    // An email of another account cannot be answered either.
    const otherContact = await createContact(other.auth);
    const theirs = await sendOk({ to: [{ resource_type: 'contact', resource_id: otherContact.id }], subject: 'Theirs', text: 'x' }, other.auth);
    const afterTheirs = await storedCounts();
    await refused({ to, subject: 'Re: Theirs', text: 'x', in_reply_to: theirs.id }, 404);

    expect(await storedCounts()).toEqual(afterTheirs);
    expect(afterTheirs.emails).toBe(before.emails + 1);
    await relayed(theirs.message_id); // the other account's email went out; none of the refused ones did
    expect(relay.received.length).toBe(relayedBefore + 1);
  });

  it('lets a sales rep email only records they can see, and answer only emails they can see', async () => {
    const roles = await stack.rpc.request(R.ListRoles, { ...admin, query: { page: 1, perPage: 25, filters: {}, customFields: {} } });
    const salesRep = roles.items.find((role) => role.name === 'Sales rep')!;
    const rep = (await api.post('/v2/users').set(auth).send({ data: factories.user({ role_id: salesRep.id }) }).expect(200)).body.data;
    const token = (await api.post(`/v2/users/${rep.id}/tokens`).set(auth).send({ data: { name: 'rep' } }).expect(201)).body.data;
    const repAuth = { Authorization: `Bearer ${token.access_token}` };

    const adminsLead = await createLead(auth);
    const repsLead = await createLead(auth, { owner_id: rep.id });
    const adminsEmail = await sendOk({ to: [{ resource_type: 'lead', resource_id: adminsLead.id }], subject: 'Mine', text: 'x' });
    const before = await storedCounts();

    const hidden = await send({ to: [{ resource_type: 'lead', resource_id: adminsLead.id }], subject: 'Hi', text: 'x' }, repAuth);
    expect(hidden.status).toBe(404);
    const notTheirs = await send({ to: [{ resource_type: 'lead', resource_id: repsLead.id }], subject: 'Re', text: 'x', in_reply_to: adminsEmail.id }, repAuth);
    expect(notTheirs.status).toBe(404);
    expect(await storedCounts()).toEqual(before);

    const own = await sendOk({ to: [{ resource_type: 'lead', resource_id: repsLead.id }], subject: 'Hello from your rep', text: 'x' }, repAuth);
    expect(own.from).toEqual({ email: rep.email, name: rep.name });
    await delivered(own.id, repAuth);
    await api.get(`/v2/emails/${adminsEmail.id}`).set(repAuth).expect(404);
  });

  it('keeps mail queued while the relay is down and delivers it once, when it is back', async () => {
    const contact = await createContact();
    await relay.stop();
    const queued = await sendOk({ to: [{ resource_type: 'contact', resource_id: contact.id }], subject: 'Relay down', text: 'x' });
    let waiting: SentEmailDto | undefined;
    await eventually(async () => {
      waiting = await getEmail(queued.id);
      expect(waiting.last_error).toEqual(expect.any(String));
    }, 20_000);
    expect(waiting).toMatchObject({ status: 'queued', sent_at: null });
    expect(waiting!.attempts).toBeGreaterThanOrEqual(1);

    await relay.listen();
    const sent = await delivered(queued.id);
    expect(sent.last_error).toBeNull();
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    await relayed(queued.message_id);
    expect(relay.copiesOf(queued.message_id)).toHaveLength(1);
  });

  it('marks mail failed when the relay refuses it for good, and notes recipients it refused among others', async () => {
    const bouncing = await createContact(auth, { email: `bounce-${Date.now()}@example.com` });
    const fine = await createContact();
    const refused = await sendOk({ to: [{ resource_type: 'contact', resource_id: bouncing.id }], subject: 'Nobody home', text: 'x' });
    await eventually(async () => expect((await getEmail(refused.id)).status).toBe('failed'), 20_000);
    const failed = await getEmail(refused.id);
    expect(failed).toMatchObject({ attempts: 1, sent_at: null });
    expect(failed.last_error).toContain('550');
    expect(relay.copiesOf(refused.message_id)).toHaveLength(0);

    const partly = await sendOk({
      to: [
        { resource_type: 'contact', resource_id: fine.id },
        { resource_type: 'contact', resource_id: bouncing.id },
      ],
      subject: 'Half home',
      text: 'x',
    });
    const sent = await delivered(partly.id);
    expect(sent.last_error).toBe(`the relay refused ${bouncing.email}`);
    expect((await relayed(partly.message_id)).recipients).toEqual([fine.email]);
  });
});
