import { factories, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { communicationsService } from '../src/app';
import { address, aggregateDrift, countsOf, createUser, fileMail, listTab, mailboxEvent, recountedCounts } from './communication-center-support';
import { MailEventPublisher } from './mail-events';
import { Api, Auth, eventually, processedByCommunications } from './support';

/**
 * GET /v2/communications/emails/counts reads one row the database keeps by triggers
 * (mailbox_counters). These tests drive every change that moves an email into or out of a tab
 * through the real API and JetStream (filing, reading, archiving, ignoring, filing on a new record,
 * deleting the record) and compare the counts shown with a recount of the rows, one change at a
 * time and with all of them running at once.
 */
describe('Communication Center: counts', () => {
  let stack: Stack;
  let api: Api;
  let mail: MailEventPublisher;
  let admin: { auth: Auth; accountId: number; userId: number };

  const file = (event: Parameters<typeof fileMail>[2]) => fileMail(stack, mail, event);
  const post = (path: string, auth: Auth, data: unknown) => api.post(path).set(auth).send({ data });
  const people = (path: string, auth: Auth, data: unknown) => post(`/v2/communications/suggested_people/${path}`, auth, data);
  const idsIn = async (auth: Auth, tab: string, q: string) => (await listTab(api, auth, { tab, q, per_page: 100 })).items.map((i) => i.data.id);

  beforeAll(async () => {
    // Two replicas share the durable consumer, as in production: filing runs concurrently.
    stack = await startStack({ services: ['records', communicationsService, 'gateway'], replicas: { communications: 2 } });
    api = request(stack.gatewayUrl);
    admin = await stack.createAccount();
    mail = await MailEventPublisher.connect(stack);
  });
  afterAll(async () => {
    await mail?.close();
    await stack?.stop();
  });

  it('moves the Suggested people counts with every change that moves mail into or out of Suggested, as a recount gives them', async () => {
    const user = await createUser(stack, api, admin);
    const [alice, bob, dave] = [address('alice'), address('bob'), address('dave')];
    const inbox = (from: string, subject: string, extra = {}) =>
      file(mailboxEvent(admin.accountId, user.id, 'inbox', { from: { email: from, name: null }, subject, ...extra }));
    /** The counts shown, checked against a recount of the rows. */
    const exactCounts = async () => {
      const shown = await countsOf(api, user.auth);
      expect(shown).toEqual(await recountedCounts(stack, admin.accountId, user.id));
      return shown;
    };
    const suggested = async () => (await exactCounts()).suggested;

    expect(await exactCounts()).toEqual({ inbox: { total: 0, unread: 0 }, suggested: { total: 0, unread: 0 }, sent: { total: 0 }, archived: { total: 0 } });
    for (const subject of ['alice 1', 'alice 2', 'alice 3']) await inbox(alice, subject);
    for (const subject of ['bob 1', 'bob 2']) await inbox(bob, subject);
    const contact = (await api.post('/v2/contacts').set(admin.auth).send({ data: factories.person({ email: dave }) }).expect(200)).body.data;
    await inbox(dave, 'dave, filed on his contact', { links: [{ resource_type: 'contact', resource_id: contact.id }] });
    expect(await exactCounts()).toEqual({ inbox: { total: 1, unread: 1 }, suggested: { total: 2, unread: 5 }, sent: { total: 0 }, archived: { total: 0 } });

    // Reading and unreading.
    const [aliceNewest, ...aliceOlder] = await idsIn(user.auth, 'suggested', alice);
    await post('/v2/communications/emails/mark', user.auth, { ids: [aliceNewest], read: true }).expect(200);
    expect(await suggested()).toEqual({ total: 2, unread: 4 });
    await post('/v2/communications/emails/mark', user.auth, { ids: [aliceNewest, aliceOlder[0]], read: false }).expect(200);
    expect(await suggested()).toEqual({ total: 2, unread: 5 });
    await post('/v2/communications/emails/mark', user.auth, { ids: [aliceNewest], read: true }).expect(200);

    // Ignoring: the sender and their unread leave; their new mail stays out; undoing brings all back.
    await people('ignore', user.auth, { emails: [bob.toUpperCase()] }).expect(200);
    expect(await suggested()).toEqual({ total: 1, unread: 2 });
    await inbox(bob, 'bob 3, while ignored');
    expect(await suggested()).toEqual({ total: 1, unread: 2 });
    await people('unignore', user.auth, { emails: [bob] }).expect(200);
    expect(await suggested()).toEqual({ total: 2, unread: 5 });

    // Archiving every email of a sender takes them out; unarchiving one brings them back.
    await post('/v2/communications/emails/archive', user.auth, { ids: [aliceNewest, ...aliceOlder] }).expect(200);
    expect(await exactCounts()).toMatchObject({ suggested: { total: 1, unread: 3 }, archived: { total: 3 } });
    await post('/v2/communications/emails/unarchive', user.auth, { ids: [aliceOlder[1]] }).expect(200);
    expect(await suggested()).toEqual({ total: 2, unread: 4 });
    await post('/v2/communications/emails/unarchive', user.auth, { ids: [aliceNewest, aliceOlder[0]] }).expect(200);

    // Adding a sender as a lead files their mail on it: out of Suggested, into Inbox.
    const added = await people('add_as_lead', user.auth, { emails: [alice] }).expect(200);
    expect(await exactCounts()).toEqual({ inbox: { total: 4, unread: 3 }, suggested: { total: 1, unread: 3 }, sent: { total: 0 }, archived: { total: 0 } });
    // Deleting the lead moves the mail back (records' event, then communications unlinks).
    await api.delete(`/v2/leads/${added.body.data.records[0].resource_id}`).set(admin.auth).expect(204);
    await eventually(async () => expect((await countsOf(api, user.auth)).suggested).toEqual({ total: 2, unread: 5 }), 20_000);
    expect(await exactCounts()).toMatchObject({ inbox: { total: 1, unread: 1 } });

    // A sender ignored while none of their mail is in Suggested (Dave's is on his contact) stays
    // out when it comes back there, until the ignore is undone.
    await people('ignore', user.auth, { emails: [dave] }).expect(200);
    expect(await suggested()).toEqual({ total: 2, unread: 5 });
    await api.delete(`/v2/contacts/${contact.id}`).set(admin.auth).expect(204);
    await eventually(async () => expect(await idsIn(user.auth, 'inbox', dave)).toEqual([]), 20_000);
    expect(await exactCounts()).toMatchObject({ inbox: { total: 0, unread: 0 }, suggested: { total: 2, unread: 5 } });
    await people('unignore', user.auth, { emails: [dave] }).expect(200);
    expect(await suggested()).toEqual({ total: 3, unread: 6 });
    expect(await aggregateDrift(stack)).toEqual([]);
  });

  it('refuses bad input with Sell errors and leaves the counts as they were', async () => {
    const user = await createUser(stack, api, admin);
    const colleague = await createUser(stack, api, admin);
    const sender = address('kept');
    await file(mailboxEvent(admin.accountId, user.id, 'inbox', { from: { email: sender, name: null }, subject: 'kept' }));
    await file(mailboxEvent(admin.accountId, colleague.id, 'inbox', { from: { email: sender, name: null }, subject: "the colleague's" }));
    const [own] = await idsIn(user.auth, 'suggested', sender);
    const [theirs] = await idsIn(colleague.auth, 'suggested', sender);
    const before = await countsOf(api, user.auth);
    expect(before.suggested).toEqual({ total: 1, unread: 1 });

    const refused: [string, unknown, number][] = [
      // One unknown sender in a bulk ignore: nobody is ignored.
      ['/v2/communications/suggested_people/ignore', { emails: [sender, address('never-wrote')] }, 404],
      ['/v2/communications/suggested_people/ignore', { emails: [sender, ' '] }, 422],
      ['/v2/communications/suggested_people/unignore', { emails: sender }, 422],
      // Another user's email in a bulk mark or archive: nothing changes.
      ['/v2/communications/emails/mark', { ids: [own, theirs], read: true }, 404],
      ['/v2/communications/emails/archive', { ids: [own, theirs] }, 404],
      ['/v2/communications/emails/archive', { ids: [own, 'x'] }, 422],
    ];
    for (const [path, data, status] of refused) {
      const response = await post(path, user.auth, data);
      expect({ path, data, status: response.status }).toEqual({ path, data, status });
      expect(response.body.meta).toMatchObject({ type: 'errors', http_status: expect.stringMatching(new RegExp(`^${status} `)), logref: expect.any(String) });
      if (status === 404) expect(response.body.errors[0].error.code).toBe('not_found');
    }
    expect(await countsOf(api, user.auth)).toEqual(before);
    expect(await countsOf(api, user.auth)).toEqual(await recountedCounts(stack, admin.accountId, user.id));
    expect((await listTab(api, user.auth, { tab: 'suggested' })).items.map((i) => [i.data.id, i.data.read])).toEqual([[own, false]]);
    expect((await listTab(api, colleague.auth, { tab: 'suggested' })).items.map((i) => [i.data.id, i.data.read])).toEqual([[theirs, false]]);
  });

  it('stays exact while filing, reading, archiving, ignoring and filing on a record all run at once', async () => {
    const user = await createUser(stack, api, admin);
    const senders = Array.from({ length: 5 }, (_, k) => address(`busy${k}`));
    const event = (k: number, i: number) =>
      mailboxEvent(admin.accountId, user.id, 'inbox', {
        from: { email: senders[k], name: null },
        subject: `from ${k}, ${i}`,
        date: new Date(Date.UTC(2024, 0, 1, k, i)).toISOString(),
      });
    for (let k = 0; k < 4; k++) for (let i = 0; i < 3; i++) await file(event(k, i));
    const earlier = (await listTab(api, user.auth, { tab: 'suggested', per_page: 100 })).items.map((i) => i.data.id);
    expect(earlier).toHaveLength(12);
    const ok = async (pending: Promise<request.Response>) => expect((await pending).status).toBe(200);

    const burst = Array.from({ length: 60 }, (_, n) => event(n % senders.length, 10 + n));
    const published = Promise.all(burst.map((e) => mail.publish(e)));
    const toggles = (path: 'ignore' | 'unignore', other: 'ignore' | 'unignore', email: string) => async () => {
      for (let round = 0; round < 6; round++) {
        await ok(people(path, user.auth, { emails: [email] }));
        await ok(people(other, user.auth, { emails: [email] }));
      }
    };
    const marks = async () => {
      for (let round = 0; round < 6; round++) {
        await ok(post('/v2/communications/emails/mark', user.auth, { ids: earlier.slice(round % 3), read: round % 2 === 0 }));
        await ok(post(`/v2/communications/emails/${round % 2 === 0 ? 'archive' : 'unarchive'}`, user.auth, { ids: earlier.slice(0, 4 + round) }));
      }
    };
    const fileOnRecord = async () => ok(people('add_as_contact', user.auth, { emails: [senders[3]] }));
    const [events] = await Promise.all([
      published,
      toggles('ignore', 'unignore', senders[0])(),
      toggles('ignore', 'unignore', senders[1])(),
      // Ends ignored: its mail filed meanwhile must stay out of the counts.
      (async () => {
        await toggles('unignore', 'ignore', senders[2])();
        await ok(people('ignore', user.auth, { emails: [senders[2]] }));
      })(),
      marks(),
      fileOnRecord(),
    ]);
    await eventually(async () => {
      for (const { eventId } of events) expect(await processedByCommunications(stack, eventId)).toBe(true);
    }, 60_000);

    expect(await countsOf(api, user.auth)).toEqual(await recountedCounts(stack, admin.accountId, user.id));
    const shownPeople = (await api.get('/v2/communications/suggested_people').query({ per_page: 100 }).set(user.auth).expect(200)).body.items;
    const shownEmails = shownPeople.map((i: { data: { email: string } }) => i.data.email);
    expect(shownEmails).toEqual(expect.arrayContaining([senders[0], senders[1], senders[4]]));
    expect(shownEmails).not.toContain(senders[2]);
    expect((await countsOf(api, user.auth)).suggested.total).toBe(shownEmails.length);
    expect(await aggregateDrift(stack)).toEqual([]);
  });
});
