import { SuggestedPeopleActionDto, SuggestedPersonDto } from '@crm/contracts';
import { factories, freePort, Stack, startStack } from '@crm/testing';
import { createTransport } from 'nodemailer';
import request from 'supertest';
import { communicationsService } from '../src/app';
import { address, aggregateDrift, Collection, countsOf, createUser, fileMail, listTab, mailboxEvent, subjectsOf } from './communication-center-support';
import { MailEventPublisher } from './mail-events';
import { Api, Auth, eventually } from './support';

/**
 * Suggested people (grouping, add as lead or contact, ignore) through the gateway, with records
 * creating the records and distribution choosing pool owners; and a user's Bcc'd mail arriving in
 * their Sent tab over real SMTP through mail-ingest.
 */
describe('Communication Center: Suggested people', () => {
  let stack: Stack;
  let api: Api;
  let mail: MailEventPublisher;
  let smtpPort: number;
  let admin: { auth: Auth; accountId: number; userId: number };
  let rep: { id: number; email: string; auth: Auth };
  let colleague: { id: number; email: string; auth: Auth };
  let other: { auth: Auth; accountId: number; userId: number };

  const file = (event: Parameters<typeof fileMail>[2]) => fileMail(stack, mail, event);
  const inbox = (userId: number, from: string, name: string | null, subject: string, date: string, extra = {}) =>
    file(mailboxEvent(admin.accountId, userId, 'inbox', { from: { email: from, name }, subject, date, ...extra }));
  const people = async (auth: Auth, query: Record<string, string | number> = {}): Promise<Collection<SuggestedPersonDto>> => {
    const response = await api.get('/v2/communications/suggested_people').query(query).set(auth);
    if (response.status !== 200) throw new Error(`suggested_people: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const emailsOfPeople = async (auth: Auth, query: Record<string, string | number> = {}) => (await people(auth, { per_page: 100, ...query })).items.map((i) => i.data.email);
  const act = (path: string, auth: Auth, data: unknown) => api.post(`/v2/communications/suggested_people/${path}`).set(auth).send({ data });
  const leadsWithEmail = async (email: string) => (await api.get('/v2/leads').query({ email }).set(admin.auth).expect(200)).body.items;
  const contactsWithEmail = async (email: string) => (await api.get('/v2/contacts').query({ email }).set(admin.auth).expect(200)).body.items;

  beforeAll(async () => {
    smtpPort = await freePort();
    stack = await startStack({
      services: ['records', 'distribution', communicationsService, 'mail-ingest', 'gateway'],
      settings: { SMTP_PORT: String(smtpPort) },
    });
    api = request(stack.gatewayUrl);
    admin = await stack.createAccount();
    rep = await createUser(stack, api, admin, 'Sales rep');
    colleague = await createUser(stack, api, admin);
    other = await stack.createAccount('Elsewhere');
    mail = await MailEventPublisher.connect(stack);
  });
  afterAll(async () => {
    await mail?.close();
    await stack?.stop();
  });

  it('groups the Suggested tab by sender: counts, latest name, last message, newest first, paged and searchable', async () => {
    const alice = address('alice');
    const bob = address('bob');
    const carol = address('carol');
    const known = (await api.post('/v2/contacts').set(admin.auth).send({ data: factories.person() }).expect(200)).body.data;
    await inbox(admin.userId, alice, 'Alice A.', 'Alice first', '2024-01-01T09:00:00Z');
    await inbox(admin.userId, bob, null, 'Bob only', '2024-01-02T09:00:00Z');
    await inbox(admin.userId, alice.toUpperCase(), 'Alice Anderson', 'Alice latest', '2024-01-03T09:00:00Z');
    await inbox(admin.userId, carol, 'Carol', 'Carol writes', '2024-01-04T09:00:00Z');
    await inbox(admin.userId, known.email, 'Known', 'From a contact', '2024-01-05T09:00:00Z', { links: [{ resource_type: 'contact', resource_id: known.id }] });
    await inbox(rep.id, address('reps-sender'), 'Rep sender', "Only in the rep's mailbox", '2024-01-06T09:00:00Z');

    const aliceFirst = (await listTab(api, admin.auth, { tab: 'suggested', q: 'first' })).items[0].data.id;
    await api.post('/v2/communications/emails/mark').set(admin.auth).send({ data: { ids: [aliceFirst], read: true } }).expect(200);

    const list = await people(admin.auth);
    expect(list.meta).toMatchObject({ type: 'collection', count: 3 });
    expect(list.items.map((i) => i.data.email)).toEqual([carol, alice, bob]);
    const aliceLatest = (await listTab(api, admin.auth, { tab: 'suggested', q: 'latest' })).items[0].data.id;
    expect(list.items[1]).toEqual({
      data: {
        email: alice,
        name: 'Alice Anderson',
        message_count: 2,
        unread_count: 1,
        last_message: { id: aliceLatest, subject: 'Alice latest', date: '2024-01-03T09:00:00Z' },
      },
      meta: { type: 'suggested_person' },
    });
    expect(list.items[2].data).toMatchObject({ email: bob, name: null, message_count: 1, unread_count: 1 });

    const first = await people(admin.auth, { per_page: 2 });
    expect(first.items.map((i) => i.data.email)).toEqual([carol, alice]);
    expect(first.meta.links.next_page).toContain('page=2');
    expect((await people(admin.auth, { per_page: 2, page: 2 })).items.map((i) => i.data.email)).toEqual([bob]);

    expect(await emailsOfPeople(admin.auth, { q: 'ALICE-' })).toEqual([alice]);
    expect(await emailsOfPeople(admin.auth, { q: 'anderson' })).toEqual([alice]);
    expect(await emailsOfPeople(admin.auth, { q: '100%' })).toEqual([]);
    expect((await countsOf(api, admin.auth)).suggested).toEqual({ total: 3, unread: 3 });

    // Archiving a sender's only email takes them out of Suggested people; each user has their own.
    const carolsEmail = (await listTab(api, admin.auth, { tab: 'suggested', q: carol })).items[0].data.id;
    await api.post('/v2/communications/emails/archive').set(admin.auth).send({ data: { ids: [carolsEmail] } }).expect(200);
    expect(await emailsOfPeople(admin.auth)).toEqual([alice, bob]);
    expect((await people(rep.auth)).items.map((i) => i.data.name)).toEqual(['Rep sender']);
    expect((await people(other.auth)).items).toEqual([]);
    await api.get('/v2/communications/suggested_people').query({ sort_by: 'email' }).set(admin.auth).expect(400);
  });

  it('adds a sender as a lead owned by the user, and files their past emails on it at once', async () => {
    const frank = address('frank');
    await inbox(admin.userId, frank, 'Frank Fisher', 'Frank one', '2024-02-01T09:00:00Z');
    await inbox(admin.userId, frank, 'Frank Fisher', 'Frank two', '2024-02-02T09:00:00Z');
    await file(mailboxEvent(admin.accountId, admin.userId, 'sent', { from: { email: 'ada@crm.example', name: 'Ada' }, to: [{ email: frank, name: null }], subject: 'Ada to Frank' }));
    await inbox(rep.id, frank, 'Frank Fisher', "Frank to the rep", '2024-02-03T09:00:00Z');
    const before = await countsOf(api, admin.auth);

    const response = await act('add_as_lead', admin.auth, { emails: [` ${frank.toUpperCase()} `] }).expect(200);
    const body = response.body as { data: SuggestedPeopleActionDto; meta: { type: string } };
    expect(body).toEqual({
      data: {
        action: 'add_as_lead',
        emails: [frank],
        records: [{ email: frank, resource_type: 'lead', resource_id: expect.any(Number), owner_id: admin.userId, linked_emails: 4 }],
      },
      meta: { type: 'suggested_people_action' },
    });
    const leadId = body.data.records[0].resource_id;

    // No waiting: the emails are on the lead when the answer comes.
    const onLead = [{ resource_type: 'lead', resource_id: leadId }];
    const franksInbox = await listTab(api, admin.auth, { tab: 'inbox', q: frank });
    expect(franksInbox.items.map((i) => [i.data.subject, i.data.resources])).toEqual([
      ['Frank two', onLead],
      ['Frank one', onLead],
    ]);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested', q: frank })).toEqual([]);
    expect((await listTab(api, admin.auth, { tab: 'sent', q: frank })).items[0].data.resources).toEqual(onLead);
    expect(await subjectsOf(api, rep.auth, { tab: 'inbox', q: frank })).toEqual(['Frank to the rep']);
    expect(await emailsOfPeople(admin.auth)).not.toContain(frank);
    expect(await countsOf(api, admin.auth)).toMatchObject({
      inbox: { total: before.inbox.total + 2, unread: before.inbox.unread + 2 },
      suggested: { total: before.suggested.total - 1, unread: before.suggested.unread - 2 },
    });

    const lead = (await api.get(`/v2/leads/${leadId}`).set(admin.auth).expect(200)).body.data;
    expect(lead).toMatchObject({ first_name: 'Frank', last_name: 'Fisher', email: frank, owner_id: admin.userId });
    const filed = (await api.get('/v2/emails').query({ resource_type: 'lead', resource_id: leadId }).set(admin.auth).expect(200)).body;
    expect(filed.items).toHaveLength(4);

    // Added already: 409, and no second lead.
    const again = await act('add_as_lead', admin.auth, { emails: [frank] }).expect(409);
    expect(again.body.errors[0].error).toMatchObject({ resource: 'suggested_person', code: 'conflict', message: `${frank} is already a lead or contact` });
    expect(await leadsWithEmail(frank)).toHaveLength(1);
  });

  const createPool = async (resourceType: string, members: number[]): Promise<number> => {
    let id = 0;
    // distribution learns about new users from records' events
    await eventually(async () => {
      const created = await api
        .post('/v2/distribution_pools')
        .set(admin.auth)
        .send({ data: { name: `Inbound ${resourceType}s`, resource_type: resourceType, members: members.map((user_id) => ({ user_id })) } });
      expect(created.status).toBe(200);
      id = created.body.data.id;
    }, 20_000);
    return id;
  };

  it('adds several senders as contacts owned in turn by a contact pool; a sender without a name gets the local part as last name', async () => {
    const poolId = await createPool('contact', [rep.id, colleague.id]);
    const grace = address('grace');
    const nameless = address('no.name');
    await inbox(admin.userId, grace, 'Hopper, Grace', 'From Grace', '2024-03-01T09:00:00Z');
    await inbox(admin.userId, nameless, null, 'From someone', '2024-03-02T09:00:00Z');

    const response = await act('add_as_contact', admin.auth, { emails: [grace, nameless, grace], owner_pool_id: poolId }).expect(200);
    const { data } = response.body as { data: SuggestedPeopleActionDto };
    expect(data.action).toBe('add_as_contact');
    expect(data.emails).toEqual([grace, nameless]);
    expect(data.records.map((r) => [r.email, r.resource_type, r.linked_emails])).toEqual([
      [grace, 'contact', 1],
      [nameless, 'contact', 1],
    ]);
    expect(data.records.map((r) => r.owner_id).sort()).toEqual([rep.id, colleague.id].sort());

    const [graceContact] = await contactsWithEmail(grace);
    expect(graceContact.data).toMatchObject({ id: data.records[0].resource_id, first_name: 'Grace', last_name: 'Hopper', is_organization: false, owner_id: data.records[0].owner_id });
    const [namelessContact] = await contactsWithEmail(nameless);
    expect(namelessContact.data).toMatchObject({ last_name: nameless.split('@')[0], first_name: null });
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: grace })).toEqual(['From Grace']);
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: nameless })).toEqual(['From someone']);
    // The pool's log names the records it produced.
    await eventually(async () => {
      const log = (await api.get('/v2/distribution_assignments').query({ pool_id: poolId }).set(admin.auth).expect(200)).body.items;
      expect(log.map((i: { data: { resource_id: number | null } }) => i.data.resource_id).sort()).toEqual(data.records.map((r) => r.resource_id).sort());
    }, 20_000);
  });

  it('refuses unknown senders, bad owners and bad input with Sell errors, creating and filing nothing', async () => {
    const henry = address('henry');
    await inbox(admin.userId, henry, 'Henry', 'From Henry', '2024-04-01T09:00:00Z');
    const stranger = address('never-wrote');
    const repsOnly = address('reps-only');
    await inbox(rep.id, repsOnly, null, 'To the rep only', '2024-04-02T09:00:00Z');
    const leadPool = await createPool('lead', [rep.id]);

    const refusals: [string, Auth, unknown, number, string | undefined][] = [
      ['add_as_lead', admin.auth, { emails: [henry, stranger] }, 404, `suggested person ${stranger} not found`],
      ['add_as_contact', admin.auth, { emails: [repsOnly] }, 404, `suggested person ${repsOnly} not found`],
      ['add_as_lead', other.auth, { emails: [henry] }, 404, `suggested person ${henry} not found`],
      ['add_as_lead', admin.auth, { emails: [henry], owner_id: rep.id, owner_pool_id: leadPool }, 422, undefined],
      ['add_as_lead', admin.auth, { emails: [henry], owner_pool_id: 999_999 }, 422, undefined],
      ['add_as_contact', admin.auth, { emails: [henry], owner_pool_id: leadPool }, 422, undefined],
      ['add_as_lead', admin.auth, { emails: [henry], owner_id: other.userId }, 422, undefined],
      ['add_as_lead', admin.auth, { emails: [] }, 422, undefined],
      ['add_as_lead', admin.auth, { emails: ['  '] }, 422, undefined],
      ['add_as_lead', admin.auth, { emails: Array.from({ length: 101 }, (_, i) => `p${i}@x.example`) }, 422, undefined],
      ['add_as_lead', admin.auth, { emails: henry }, 422, undefined],
      ['add_as_lead', admin.auth, { emails: [henry], status: 'New' }, 422, undefined],
      ['ignore', admin.auth, { emails: [henry], owner_id: admin.userId }, 422, undefined],
      ['ignore', admin.auth, { emails: [stranger] }, 404, `suggested person ${stranger} not found`],
      ['unignore', admin.auth, { emails: [stranger] }, 404, `suggested person ${stranger} not found`],
    ];
    for (const [path, auth, data, status, message] of refusals) {
      const response = await act(path, auth, data);
      expect({ path, data, status: response.status }).toEqual({ path, data, status });
      expect(response.body.meta).toMatchObject({ type: 'errors', logref: expect.any(String) });
      if (message) expect(response.body.errors.map((e: { error: { message: string } }) => e.error.message)).toEqual([message]);
    }
    // A sales rep may not give a record to someone else: records' 403 comes back as it is.
    await inbox(rep.id, henry, 'Henry', 'Henry to the rep', '2024-04-03T09:00:00Z');
    const forbidden = await act('add_as_lead', rep.auth, { emails: [henry], owner_id: admin.userId }).expect(403);
    expect(forbidden.body.errors[0].error.code).toBe('forbidden');

    expect(await leadsWithEmail(henry)).toEqual([]);
    expect(await contactsWithEmail(henry)).toEqual([]);
    expect(await emailsOfPeople(admin.auth)).toContain(henry);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested', q: henry })).toEqual(['From Henry']);
    await api.post('/v2/communications/suggested_people/add_as_lead').set(admin.auth).send({ emails: [henry] }).expect(422);
  });

  it('tells which senders were added when records refuses a later one in a bulk add', async () => {
    const ivy = address('ivy');
    // An address records does not accept as a lead's email (no top-level domain).
    const local = `odd-${Date.now()}@localhost`;
    await inbox(admin.userId, ivy, 'Ivy', 'From Ivy', '2024-05-01T09:00:00Z');
    await inbox(admin.userId, local, 'Odd', 'From a local address', '2024-05-02T09:00:00Z');

    const response = await act('add_as_lead', admin.auth, { emails: [ivy, local] }).expect(422);
    const [ivyLead] = await leadsWithEmail(ivy);
    expect(response.body.errors[0].error).toMatchObject({ resource: 'lead', field: '/email', details: `added before this error: ${ivy} (lead ${ivyLead.data.id})` });
    expect(await subjectsOf(api, admin.auth, { tab: 'inbox', q: ivy })).toEqual(['From Ivy']);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested', q: local })).toEqual(['From a local address']);
  });

  it('ignores senders for this user only, keeps their new mail out of Suggested, and undoes it', async () => {
    const jack = address('jack');
    await inbox(admin.userId, jack, 'Jack', 'Jack one', '2024-06-01T09:00:00Z');
    await inbox(rep.id, jack, 'Jack', 'Jack to the rep', '2024-06-01T10:00:00Z');
    const before = await countsOf(api, admin.auth);
    const jackOne = (await listTab(api, admin.auth, { tab: 'suggested', q: jack })).items[0].data.id;

    const ignored = await act('ignore', admin.auth, { emails: [jack.toUpperCase()] }).expect(200);
    expect(ignored.body).toEqual({ data: { action: 'ignore', emails: [jack], records: [] }, meta: { type: 'suggested_people_action' } });
    await act('ignore', admin.auth, { emails: [jack] }).expect(200);
    await inbox(admin.userId, jack, 'Jack', 'Jack two', '2024-06-02T09:00:00Z');
    expect(await emailsOfPeople(admin.auth)).not.toContain(jack);
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested', q: jack })).toEqual([]);
    expect((await countsOf(api, admin.auth)).suggested).toEqual({ total: before.suggested.total - 1, unread: before.suggested.unread - 1 });
    // The mail is still there, and still the rep's suggestion.
    await api.get(`/v2/emails/${jackOne}`).set(admin.auth).expect(200);
    expect(await emailsOfPeople(rep.auth)).toContain(jack);

    const undone = await act('unignore', admin.auth, { emails: [jack] }).expect(200);
    expect(undone.body.data).toEqual({ action: 'unignore', emails: [jack], records: [] });
    expect((await people(admin.auth, { q: jack })).items[0].data).toMatchObject({ email: jack, message_count: 2, unread_count: 2 });
    expect(await subjectsOf(api, admin.auth, { tab: 'suggested', q: jack })).toEqual(['Jack two', 'Jack one']);
    await act('unignore', admin.auth, { emails: [jack] }).expect(200);
  });

  it("shows a user's mail sent with the BCC address in Bcc in their Sent tab (real SMTP through mail-ingest)", async () => {
    const self = (await api.get('/v2/users/self').set(admin.auth).expect(200)).body.data as { email: string };
    let bcc = '';
    await eventually(async () => {
      bcc = (await api.get('/v2/bcc_address').set(admin.auth).expect(200)).body.data.email;
    }, 20_000);
    const customer = address('kim');
    const transport = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: false });
    try {
      await transport.sendMail({ from: self.email, to: `Kim Customer <${customer}>`, bcc, subject: 'Our offer by BCC', text: 'Hello Kim, here is our offer.' });
    } finally {
      transport.close();
    }

    await eventually(async () => expect(await subjectsOf(api, admin.auth, { tab: 'sent', q: customer })).toEqual(['Our offer by BCC']), 30_000);
    const [sent] = (await listTab(api, admin.auth, { tab: 'sent', q: customer })).items;
    const [contact] = await contactsWithEmail(customer);
    expect(sent.data).toMatchObject({
      source: 'bcc',
      folder: 'sent',
      direction: 'sent',
      read: true,
      user_id: admin.userId,
      snippet: 'Hello Kim, here is our offer.',
      to: [{ email: customer, name: 'Kim Customer' }],
      resources: [{ resource_type: 'contact', resource_id: contact.data.id }],
    });
    expect(await subjectsOf(api, rep.auth, { tab: 'sent', q: customer })).toEqual([]);
  });

  it('keeps the counters and Suggested people figures equal to a recount after every kind of write above', async () => {
    expect(await aggregateDrift(stack)).toEqual([]);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const docs = await api.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(
        ['', '/add_as_lead', '/add_as_contact', '/ignore', '/unignore'].map((path) => `/v2/communications/suggested_people${path}`),
      ),
    );
    const add = docs.body.paths['/v2/communications/suggested_people/add_as_contact'].post;
    expect(Object.keys(add.requestBody.content['application/json'].schema.properties.data.properties)).toEqual(
      expect.arrayContaining(['emails', 'owner_id', 'owner_pool_id']),
    );
  });
});
