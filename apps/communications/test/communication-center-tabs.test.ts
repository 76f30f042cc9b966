import { MailboxEmailDto } from '@crm/contracts';
import { factories, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { communicationsService } from '../src/app';
import {
  address,
  aggregateDrift,
  countsOf,
  createUser,
  fileMail,
  listTab,
  mailboxEvent,
  subjectsOf,
} from './communication-center-support';
import { MailEventPublisher, mailEvent } from './mail-events';
import { Api, Auth, eventually, processedByCommunications } from './support';

/**
 * The Communication Center's email tabs, counts and bulk actions, fed by `mail.message.received.v1`
 * on real JetStream (synced mailboxes and BCC) and read through the gateway.
 */
describe('Communication Center: email tabs', () => {
  let stack: Stack;
  let api: Api;
  let mail: MailEventPublisher;
  let admin: { auth: Auth; accountId: number; userId: number };
  let rep: { id: number; email: string; auth: Auth };
  let other: { auth: Auth; accountId: number; userId: number };

  // Ada's mailbox, filed once (beforeAll) and read by several tests.
  let contact: { id: number; email: string };
  const customer = address('pat');
  const stranger = address('stranger');
  const subjects = {
    fromContact: 'Pricing for the premium plan',
    forwarded: 'Forwarded invoice question',
    suggested: 'Partnership proposal',
    sentSynced: 'Re: Pricing',
    sentBcc: 'Our offer',
  };
  const ids: Record<string, number> = {};

  const createContact = async (attributes: Record<string, unknown> = {}) =>
    (await api.post('/v2/contacts').set(admin.auth).send({ data: factories.person(attributes) }).expect(200)).body.data as { id: number; email: string };
  const idOf = async (auth: Auth, subject: string, tab: string) =>
    (await listTab(api, auth, { tab, per_page: 100 })).items.find((item) => item.data.subject === subject)!.data.id;
  const file = (event: Parameters<typeof fileMail>[2]) => fileMail(stack, mail, event);

  beforeAll(async () => {
    // Two replicas share the durable consumer, as in production: filing runs concurrently.
    stack = await startStack({ services: ['records', communicationsService, 'gateway'], replicas: { communications: 2 } });
    api = request(stack.gatewayUrl);
    admin = await stack.createAccount();
    rep = await createUser(stack, api, admin, 'Sales rep');
    other = await stack.createAccount('Elsewhere');
    mail = await MailEventPublisher.connect(stack);

    contact = await createContact({ email: customer });
    const link = [{ resource_type: 'contact' as const, resource_id: contact.id }];
    const { accountId, userId } = admin;
    const pat = { email: customer, name: 'Pat Customer' };
    await file(mailboxEvent(accountId, userId, 'inbox', { links: link, from: pat, subject: subjects.fromContact, date: '2024-03-01T09:00:00Z', text: 'What does the premium plan cost?' }));
    await file(mailboxEvent(accountId, userId, 'inbox', { from: { email: stranger, name: 'Sam Stranger' }, subject: subjects.suggested, date: '2024-03-02T09:00:00Z' }));
    await file(mailboxEvent(accountId, userId, 'sent', { links: link, from: { email: 'ada@crm.example', name: 'Ada' }, to: [pat], subject: subjects.sentSynced, date: '2024-03-03T09:00:00Z' }));
    // BCC: Ada sent mail with the BCC address in Bcc, and forwarded a customer's mail to it.
    await file(mailEvent(accountId, { links: link, userId, direction: 'sent', from: { email: 'ada@crm.example', name: 'Ada' }, to: [pat], cc: [{ email: 'boss@customer.example', name: 'Boss' }], subject: subjects.sentBcc, date: '2024-03-04T09:00:00Z' }));
    await file(mailEvent(accountId, { links: link, userId, forwarded: true, from: pat, subject: subjects.forwarded, date: '2024-03-05T09:00:00Z', text: 'The invoice total looks wrong.' }));
    // Not in anyone's Communication Center: BCC mail without links, and a customer's mail to a deal address (no user).
    await file(mailEvent(accountId, { userId, subject: 'BCC without links' }));
    await file(mailEvent(accountId, { links: link, subject: 'To the deal address', from: pat }));

    ids.fromContact = await idOf(admin.auth, subjects.fromContact, 'inbox');
    ids.forwarded = await idOf(admin.auth, subjects.forwarded, 'inbox');
    ids.suggested = await idOf(admin.auth, subjects.suggested, 'suggested');
    ids.sentSynced = await idOf(admin.auth, subjects.sentSynced, 'sent');
    ids.sentBcc = await idOf(admin.auth, subjects.sentBcc, 'sent');
  });
  afterAll(async () => {
    await mail?.close();
    await stack?.stop();
  });

  it('puts each message in its tab: Inbox from leads and contacts, Suggested from anyone else, Sent, newest first', async () => {
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox' })).toEqual([subjects.forwarded, subjects.fromContact]);
    expect(await subjectsOf(api, admin.auth, {})).toEqual([subjects.forwarded, subjects.fromContact]);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested' })).toEqual([subjects.suggested]);
    expect(await subjectsOf(api, admin.auth, { tab: 'sent' })).toEqual([subjects.sentBcc, subjects.sentSynced]);
    expect(await subjectsOf(api, admin.auth, { tab: 'archived' })).toEqual([]);
    // The deal-address mail is on the contact, but in nobody's mailbox; BCC mail without links is not stored.
    const onContact = (await api.get('/v2/emails').query({ resource_type: 'contact', resource_id: contact.id, per_page: 100 }).set(admin.auth).expect(200)).body;
    expect(onContact.items.map((i: { data: { subject: string } }) => i.data.subject)).toContain('To the deal address');
    expect(onContact.items.map((i: { data: { subject: string } }) => i.data.subject)).not.toContain('BCC without links');

    const inbox = await listTab(api, admin.auth, { tab: 'inbox' });
    expect(inbox.meta).toMatchObject({ type: 'collection', count: 2 });
    expect(inbox.items[1]).toEqual({
      data: {
        id: ids.fromContact,
        message_id: expect.any(String),
        direction: 'received',
        source: 'mailbox',
        subject: subjects.fromContact,
        snippet: 'What does the premium plan cost?',
        from: { email: customer, name: 'Pat Customer' },
        to: [{ email: 'sales@crm.example', name: null }],
        cc: [],
        date: '2024-03-01T09:00:00Z',
        user_id: null,
        attachments: [],
        resources: [{ resource_type: 'contact', resource_id: contact.id }],
        folder: 'inbox',
        read: false,
        archived: false,
        sent_from_crm: false,
        sent_at: null,
        opened: null,
        open_count: null,
        last_opened_at: null,
      },
      meta: { type: 'mailbox_email' },
    });
    const sent = await listTab(api, admin.auth, { tab: 'sent' });
    expect(sent.items[0].data).toMatchObject({ id: ids.sentBcc, source: 'bcc', folder: 'sent', direction: 'sent', read: true, sent_from_crm: false });
    expect(sent.items[1].data).toMatchObject({ id: ids.sentSynced, source: 'mailbox', folder: 'sent' });
  });

  it('keeps one email for one Message-ID in two mailboxes (two entries), and a redelivery changes nothing', async () => {
    const messageId = `shared-${Date.now()}@mail.example.com`;
    const shared = (userId: number) =>
      mailboxEvent(admin.accountId, userId, 'inbox', { messageId, from: { email: address('shared'), name: null }, subject: 'Sent to both of us', date: '2024-02-01T09:00:00Z' });
    await file(shared(admin.userId));
    await file(shared(rep.id));
    const adminsCopy = await idOf(admin.auth, 'Sent to both of us', 'suggested');
    expect(await idOf(rep.auth, 'Sent to both of us', 'suggested')).toBe(adminsCopy);

    await api.post('/v2/communications/emails/mark').set(admin.auth).send({ data: { ids: [adminsCopy], read: true } }).expect(200);
    await file(shared(admin.userId)); // the same fact under a new event id
    const again = (await listTab(api, admin.auth, { tab: 'suggested', per_page: 100 })).items.filter((i) => i.data.subject === 'Sent to both of us');
    expect(again.map((i) => [i.data.id, i.data.read])).toEqual([[adminsCopy, true]]);
    expect((await listTab(api, rep.auth, { tab: 'suggested' })).items.find((i) => i.data.id === adminsCopy)!.data.read).toBe(false);

    await api.post('/v2/communications/emails/mark').set(admin.auth).send({ data: { ids: [adminsCopy], read: false } }).expect(200);
    await api.post('/v2/communications/emails/archive').set(admin.auth).send({ data: { ids: [adminsCopy] } }).expect(200);
  });

  it('searches by address (sender, To, Cc; any case) and by words, and filters unread', async () => {
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: customer.toUpperCase() })).toEqual([subjects.forwarded, subjects.fromContact]);
    expect(await subjectsOf(api, admin.auth, { tab: 'sent', q: customer })).toEqual([subjects.sentBcc, subjects.sentSynced]);
    expect(await subjectsOf(api, admin.auth, { tab: 'sent', q: 'BOSS@customer.example' })).toEqual([subjects.sentBcc]);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested', q: stranger })).toEqual([subjects.suggested]);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: stranger })).toEqual([]);
    // Full-text search over subject and text, with web-search syntax.
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: 'premium' })).toEqual([subjects.fromContact]);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: 'invoice wrong' })).toEqual([subjects.forwarded]);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: '"invoice total"' })).toEqual([subjects.forwarded]);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: 'invoice -wrong' })).toEqual([]);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: 'nothing-like-this' })).toEqual([]);

    await api.post('/v2/communications/emails/mark').set(admin.auth).send({ data: { ids: [ids.forwarded], read: true } }).expect(200);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', unread: 'true' })).toEqual([subjects.fromContact]);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', unread: 'false' })).toEqual([subjects.forwarded]);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', unread: 'true', q: 'invoice' })).toEqual([]);
    await api.post('/v2/communications/emails/mark').set(admin.auth).send({ data: { ids: [ids.forwarded], read: false } }).expect(200);
  });

  it('pages newest first with Sell links', async () => {
    const first = await listTab(api, admin.auth, { tab: 'sent', per_page: 1 });
    expect(first.items.map((i) => i.data.id)).toEqual([ids.sentBcc]);
    expect(first.meta.links.next_page).toContain('page=2');
    expect(first.meta.links).not.toHaveProperty('prev_page');
    const second = await listTab(api, admin.auth, { tab: 'sent', per_page: 1, page: 2 });
    expect(second.items.map((i) => i.data.id)).toEqual([ids.sentSynced]);
    expect(second.meta.links).not.toHaveProperty('next_page');
    expect(second.meta.links.prev_page).toContain('page=1');
    expect((await listTab(api, admin.auth, { tab: 'sent', per_page: 1, page: 3 })).items).toEqual([]);
  });

  it('counts each tab, with unread in Inbox and Suggested people', async () => {
    const own = await createUser(stack, api, admin);
    const messages = [
      mailboxEvent(admin.accountId, own.id, 'inbox', { links: [{ resource_type: 'contact', resource_id: contact.id }], subject: 'a' }),
      mailboxEvent(admin.accountId, own.id, 'inbox', { links: [{ resource_type: 'contact', resource_id: contact.id }], subject: 'b' }),
      mailboxEvent(admin.accountId, own.id, 'inbox', { from: { email: 'one@outside.example', name: null }, subject: 'c' }),
      mailboxEvent(admin.accountId, own.id, 'inbox', { from: { email: 'one@outside.example', name: null }, subject: 'd' }),
      mailboxEvent(admin.accountId, own.id, 'inbox', { from: { email: 'two@outside.example', name: null }, subject: 'e' }),
      mailboxEvent(admin.accountId, own.id, 'sent', { subject: 'f' }),
    ];
    for (const message of messages) await file(message);
    expect(await countsOf(api, own.auth)).toEqual({ inbox: { total: 2, unread: 2 }, suggested: { total: 2, unread: 3 }, sent: { total: 1 }, archived: { total: 0 } });

    const id = (subject: string, tab: string) => idOf(own.auth, subject, tab);
    const [a, c, e] = [await id('a', 'inbox'), await id('c', 'suggested'), await id('e', 'suggested')];
    await api.post('/v2/communications/emails/mark').set(own.auth).send({ data: { ids: [a, c], read: true } }).expect(200);
    await api.post('/v2/communications/emails/archive').set(own.auth).send({ data: { ids: [e] } }).expect(200);
    const counts = await api.get('/v2/communications/emails/counts').set(own.auth).expect(200);
    expect(counts.body).toEqual({
      data: { inbox: { total: 2, unread: 1 }, suggested: { total: 1, unread: 1 }, sent: { total: 1 }, archived: { total: 1 } },
      meta: { type: 'mailbox_counts' },
    });
    expect(await countsOf(api, other.auth)).toEqual({ inbox: { total: 0, unread: 0 }, suggested: { total: 0, unread: 0 }, sent: { total: 0 }, archived: { total: 0 } });
  });

  it('marks read and unread, archives and unarchives by ids, all or nothing', async () => {
    const mark = (auth: Auth, data: unknown) => api.post('/v2/communications/emails/mark').set(auth).send({ data });
    const act = (path: 'archive' | 'unarchive', auth: Auth, data: unknown) => api.post(`/v2/communications/emails/${path}`).set(auth).send({ data });
    const readOf = async (id: number) => (await listTab(api, admin.auth, { tab: 'inbox' })).items.find((i) => i.data.id === id)!.data.read;

    const marked = await mark(admin.auth, { ids: [ids.fromContact, ids.forwarded, ids.fromContact], read: true }).expect(200);
    expect(marked.body).toEqual({ data: { action: 'mark_read', ids: [ids.fromContact, ids.forwarded] }, meta: { type: 'mailbox_action' } });
    expect([await readOf(ids.fromContact), await readOf(ids.forwarded)]).toEqual([true, true]);
    await mark(admin.auth, { ids: [ids.forwarded], read: false }).expect(200);
    expect([await readOf(ids.fromContact), await readOf(ids.forwarded)]).toEqual([true, false]);

    const archived = await act('archive', admin.auth, { ids: [ids.fromContact, ids.suggested, ids.sentBcc] }).expect(200);
    expect(archived.body.data).toEqual({ action: 'archive', ids: [ids.fromContact, ids.suggested, ids.sentBcc] });
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox' })).toEqual([subjects.forwarded]);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested' })).toEqual([]);
    expect(await subjectsOf(api, admin.auth, { tab: 'sent' })).toEqual([subjects.sentSynced]);
    const archivedTab = await listTab(api, admin.auth, { tab: 'archived', per_page: 100 });
    expect(archivedTab.items.map((i) => i.data.id)).toEqual(expect.arrayContaining([ids.sentBcc, ids.suggested, ids.fromContact]));
    expect(archivedTab.items.find((i) => i.data.id === ids.sentBcc)!.data).toMatchObject({ archived: true, folder: 'sent' });
    // Archiving keeps the read state; search and unread work in Archived too.
    expect(archivedTab.items.find((i) => i.data.id === ids.fromContact)!.data.read).toBe(true);
    expect(await subjectsOf(api, admin.auth, { tab: 'archived', q: stranger })).toEqual([subjects.suggested]);

    await act('unarchive', admin.auth, { ids: [ids.fromContact, ids.suggested, ids.sentBcc] }).expect(200);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox' })).toEqual([subjects.forwarded, subjects.fromContact]);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested' })).toEqual([subjects.suggested]);
    await mark(admin.auth, { ids: [ids.fromContact], read: false }).expect(200);
  });

  it("refuses another user's or another account's ids, unknown ids and bad input with Sell errors, changing nothing", async () => {
    await file(mailboxEvent(admin.accountId, rep.id, 'inbox', { from: { email: address('reps'), name: null }, subject: "Rep's own" }));
    const repsEmail = await idOf(rep.auth, "Rep's own", 'suggested');
    await file(mailboxEvent(other.accountId, other.userId, 'inbox', { subject: 'Elsewhere' }));
    const foreign = await idOf(other.auth, 'Elsewhere', 'suggested');
    const before = await listTab(api, admin.auth, { tab: 'inbox' });

    for (const path of ['mark', 'archive', 'unarchive']) {
      for (const id of [repsEmail, foreign, 2_000_000_000]) {
        const data = { ids: [ids.fromContact, ids.forwarded, id], ...(path === 'mark' ? { read: true } : {}) };
        const response = await api.post(`/v2/communications/emails/${path}`).set(admin.auth).send({ data });
        expect({ path, id, status: response.status }).toEqual({ path, id, status: 404 });
      }
    }
    for (const path of ['archive', 'unarchive']) {
      const response = await api.post(`/v2/communications/emails/${path}`).set(admin.auth).send({ data: { ids: [ids.fromContact, repsEmail, foreign] } });
      expect(response.status).toBe(404);
      expect(response.body.errors.map((e: { error: { message: string } }) => e.error.message)).toEqual([`email ${repsEmail} not found`, `email ${foreign} not found`]);
      expect(response.body.errors[0].error).toMatchObject({ resource: 'email', code: 'not_found' });
    }
    expect(await listTab(api, admin.auth, { tab: 'inbox' })).toEqual(before);
    // The rep's and the other account's entries are untouched too.
    expect((await listTab(api, rep.auth, { tab: 'suggested' })).items.find((i) => i.data.id === repsEmail)!.data).toMatchObject({ read: false, archived: false });
    expect((await listTab(api, other.auth, { tab: 'suggested' })).items.map((i) => i.data.id)).toEqual([foreign]);

    const refusals: [string, unknown, string][] = [
      ['mark', { ids: [], read: true }, '/ids'],
      ['mark', { ids: [ids.fromContact] }, '/read'],
      ['mark', { ids: [ids.fromContact], read: 'yes' }, '/read'],
      ['archive', { ids: Array.from({ length: 1001 }, (_, i) => i + 1) }, '/ids'],
      ['archive', { ids: ['one'] }, '/ids'],
      ['archive', { ids: [0] }, '/ids'],
      ['archive', { ids: 5 }, '/ids'],
      ['archive', {}, '/ids'],
      ['unarchive', { ids: [ids.fromContact], folder: 'inbox' }, '/folder'],
    ];
    for (const [path, data, field] of refusals) {
      const response = await api.post(`/v2/communications/emails/${path}`).set(admin.auth).send({ data });
      expect({ path, data, status: response.status }).toEqual({ path, data, status: 422 });
      expect(response.body.errors.map((e: { error: { field: string } }) => e.error.field)).toContain(field);
    }
    await api.post('/v2/communications/emails/archive').set(admin.auth).send({ ids: [ids.fromContact] }).expect(422);
    expect(await listTab(api, admin.auth, { tab: 'inbox' })).toEqual(before);
  });

  it('refuses bad list parameters', async () => {
    const refusals: [Record<string, string>, number, string][] = [
      [{ tab: 'spam' }, 422, '/tab'],
      [{ unread: 'maybe' }, 400, '/unread'],
      [{ q: 'x'.repeat(501) }, 422, '/q'],
      [{ sort_by: 'date:asc' }, 400, '/sort_by'],
      [{ folder: 'inbox' }, 400, '/folder'],
      [{ per_page: '101' }, 422, '/per_page'],
    ];
    for (const [query, status, field] of refusals) {
      const response = await api.get('/v2/communications/emails').query(query).set(admin.auth);
      expect({ query, status: response.status }).toEqual({ query, status });
      expect(response.body.errors[0].error.field).toBe(field);
      expect(response.body.meta).toMatchObject({ type: 'errors', logref: expect.any(String) });
    }
    await api.get('/v2/communications/emails/counts').query({ tab: 'inbox' }).set(admin.auth).expect(400);
    await api.get('/v2/communications/emails').expect(401);
  });

  it("shows each user only their own mailbox; the mailbox's owner may open their emails", async () => {
    const repsSubjects = await subjectsOf(api, rep.auth, { tab: 'suggested' });
    expect(repsSubjects).toEqual(expect.arrayContaining(['Sent to both of us', "Rep's own"]));
    expect(repsSubjects).not.toContain(subjects.suggested);
    expect(await subjectsOf(api, rep.auth, { tab: 'inbox' })).toEqual([]);
    expect(await subjectsOf(api, rep.auth, { tab: 'sent' })).toEqual([]);
    expect(await subjectsOf(api, other.auth, { tab: 'inbox' })).toEqual([]);

    // A sales rep sees only their own records' emails, and the emails in their own mailbox.
    const repsOwn = await idOf(rep.auth, "Rep's own", 'suggested');
    expect((await api.get(`/v2/emails/${repsOwn}`).set(rep.auth).expect(200)).body.data.subject).toBe("Rep's own");
    await api.get(`/v2/emails/${ids.suggested}`).set(rep.auth).expect(404);
    await api.get(`/v2/emails/${repsOwn}`).set(other.auth).expect(404);
  });

  it('shows mail sent from the CRM in Sent with when it was sent and its opens', async () => {
    // CRM sending writes these rows (outbound module); here they are written directly.
    const db = stack.services.find((s) => s.name === 'communications')!.app.get(DataSource);
    const [email] = await db.query(
      `INSERT INTO communications.emails (account_id, source, direction, date, message_id, user_id, subject, text, from_address, to_addresses)
       VALUES ($1, 'crm', 'sent', '2024-04-01T10:00:00Z', $2, $3, 'Sent from the CRM', 'Hello Pat', $4, $5) RETURNING id`,
      [admin.accountId, `crm-${Date.now()}@crm.example`, admin.userId, JSON.stringify({ email: 'ada@crm.example', name: 'Ada' }), JSON.stringify([{ email: customer, name: null }])],
    );
    await db.query(`INSERT INTO communications.email_links (email_id, account_id, resource_type, resource_id) VALUES ($1, $2, 'contact', $3)`, [email.id, admin.accountId, contact.id]);
    await db.query(
      `INSERT INTO communications.mailbox_entries (account_id, user_id, email_id, folder, sender_email, date, read_at) VALUES ($1, $2, $3, 'sent', 'ada@crm.example', '2024-04-01T10:00:00Z', now())`,
      [admin.accountId, admin.userId, email.id],
    );
    await db.query(
      `INSERT INTO communications.email_tracking (email_id, account_id, token, status, sent_at, open_count, first_opened_at, last_opened_at)
       VALUES ($1, $2, $3, 'sent', '2024-04-01T10:00:05Z', 3, '2024-04-01T11:00:00Z', '2024-04-02T08:30:00Z')`,
      [email.id, admin.accountId, `token-${Date.now()}`],
    );

    const sent = await listTab(api, admin.auth, { tab: 'sent' });
    expect(sent.items[0].data).toMatchObject({
      id: email.id,
      source: 'crm',
      sent_from_crm: true,
      sent_at: '2024-04-01T10:00:05Z',
      opened: true,
      open_count: 3,
      last_opened_at: '2024-04-02T08:30:00Z',
      resources: [{ resource_type: 'contact', resource_id: contact.id }],
    });
    expect(sent.items.find((i) => i.data.id === ids.sentBcc)!.data).toMatchObject({ sent_from_crm: false, opened: null, open_count: null });
    await db.query(`UPDATE communications.email_tracking SET open_count = 0, first_opened_at = NULL, last_opened_at = NULL WHERE email_id = $1`, [email.id]);
    expect((await listTab(api, admin.auth, { tab: 'sent' })).items[0].data).toMatchObject({ opened: false, open_count: 0, last_opened_at: null });
  });

  it("moves an email back to Suggested when its record is deleted, and keeps it in the user's mailbox", async () => {
    const lead = (await api.post('/v2/leads').set(admin.auth).send({ data: factories.lead() }).expect(200)).body.data;
    await file(mailboxEvent(admin.accountId, admin.userId, 'inbox', { links: [{ resource_type: 'lead', resource_id: lead.id }], from: { email: lead.email, name: null }, subject: 'From a lead' }));
    // A deal link alone does not make an email an Inbox one: it is not from a lead or contact.
    const deal = (await api.post('/v2/deals').set(admin.auth).send({ data: factories.deal() }).expect(200)).body.data;
    await file(mailboxEvent(admin.accountId, admin.userId, 'inbox', { links: [{ resource_type: 'deal', resource_id: deal.id }], subject: 'About a deal' }));
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: lead.email })).toEqual(['From a lead']);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested' })).toContain('About a deal');

    await api.delete(`/v2/leads/${lead.id}`).set(admin.auth).expect(204);
    await eventually(async () => expect(await subjectsOf(api, admin.auth, { tab: 'suggested', q: lead.email })).toEqual(['From a lead']), 20_000);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: lead.email })).toEqual([]);
    const email = (await listTab(api, admin.auth, { tab: 'suggested', q: lead.email })).items[0].data as MailboxEmailDto;
    expect(email.resources).toEqual([]);
    expect((await api.get(`/v2/emails/${email.id}`).set(admin.auth).expect(200)).body.data.resources).toEqual([]);
  });

  it('counts exactly when many messages from one sender are filed at once and marked meanwhile', async () => {
    const busy = await createUser(stack, api, admin);
    const sender = address('busy');
    const events = Array.from({ length: 40 }, (_, i) =>
      mailboxEvent(admin.accountId, busy.id, 'inbox', { from: { email: sender, name: null }, subject: `burst ${i}`, date: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString() }),
    );
    const published = await Promise.all(events.map((event) => mail.publish(event)));
    await eventually(async () => expect((await countsOf(api, busy.auth)).suggested.unread).toBeGreaterThan(10), 20_000);
    const early = (await listTab(api, busy.auth, { tab: 'suggested', per_page: 100 })).items.map((i) => i.data.id);
    await api.post('/v2/communications/emails/mark').set(busy.auth).send({ data: { ids: early, read: true } }).expect(200);
    await eventually(async () => {
      for (const { eventId } of published) expect(await processedByCommunications(stack, eventId)).toBe(true);
    }, 30_000);

    expect(await countsOf(api, busy.auth)).toEqual({ inbox: { total: 0, unread: 0 }, suggested: { total: 1, unread: 40 - early.length }, sent: { total: 0 }, archived: { total: 0 } });
    const [person] = (await api.get('/v2/communications/suggested_people').set(busy.auth).expect(200)).body.items;
    expect(person.data).toMatchObject({ email: sender, message_count: 40, unread_count: 40 - early.length, last_message: { subject: 'burst 39' } });
  });

  it('keeps the counters and Suggested people figures equal to a recount after every kind of write above', async () => {
    expect(await aggregateDrift(stack)).toEqual([]);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const docs = await api.get('/docs-json').expect(200);
    const paths = docs.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/v2/communications/emails',
        '/v2/communications/emails/counts',
        '/v2/communications/emails/mark',
        '/v2/communications/emails/archive',
        '/v2/communications/emails/unarchive',
      ]),
    );
    const list = paths['/v2/communications/emails'].get as { parameters: { name: string }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['tab', 'q', 'unread', 'page', 'per_page']));
  });
});
