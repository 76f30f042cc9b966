import type { ActivityDto } from '@crm/contracts';
import { ActivityWorld, itemKeys, itemOf } from './activity-helpers';
import { Auth, eventually, insertTextMessage, logCall } from './support';

/** A record's activity feed: emails, calls, text messages and notes, newest first, with filters. */
describe('activity feed', () => {
  let world: ActivityWorld;
  let rep: { id: number; auth: Auth };

  beforeAll(async () => {
    world = await ActivityWorld.start();
    rep = await world.addRep();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it("lists a record's emails, calls, texts and notes newest first, with their summaries, in Sell's pages", async () => {
    const contact = await world.record('contact');
    const email = await world.email([contact], {
      date: '2024-01-10T09:00:00Z',
      subject: 'Quote for Q3',
      text: `Hello,\n\n  here is   the quote. ${'x'.repeat(300)}`,
      direction: 'sent',
      userId: world.userId,
    });
    const call = await logCall(world.api, world.auth, {
      resource_type: 'contact',
      resource_id: contact.id,
      made_at: '2024-02-10T09:00:00Z',
      incoming: true,
      duration: 95,
      summary: 'Discussed the quote',
    });
    const text = await insertTextMessage(world.stack, world.accountId, {
      resource_type: 'contact',
      resource_id: contact.id,
      sent_at: new Date('2024-03-10T09:00:00Z'),
      incoming: false,
      user_id: world.userId,
      content: 'See you Monday',
    });
    const note = await world.note(contact, 'Prefers calls in the morning');
    const sameInstant = await logCall(world.api, world.auth, { resource_type: 'contact', resource_id: contact.id, made_at: '2024-02-10T09:00:00Z' });

    const page = await world.feed(contact);
    expect(itemKeys(page)).toEqual([`note:${note.id}`, `text_message:${text.id}`, `call:${sameInstant.id}`, `call:${call.id}`, `email:${email.id}`]);
    expect(page.items[0].meta).toEqual({ type: 'activity' });
    expect(page.meta).toMatchObject({ type: 'collection', count: 5 });
    const { conversation_id: conversationId, ...emailItem } = itemOf(page, 'email', email.id) as ActivityDto & { conversation_id: number | null };
    expect(conversationId === null || Number.isInteger(conversationId)).toBe(true);
    expect(emailItem).toEqual({
      type: 'email',
      id: email.id,
      occurred_at: '2024-01-10T09:00:00Z',
      user_id: world.userId,
      starred: false,
      starred_by_id: null,
      starred_at: null,
      thread_ids: [],
      snippet: expect.stringMatching(/^Hello, here is the quote\. x+…$/),
      subject: 'Quote for Q3',
      direction: 'sent',
      from: { email: 'pat@customer.example', name: 'Pat Customer' },
    });
    expect(itemOf(page, 'email', email.id)!.snippet).toHaveLength(200);
    expect(itemOf(page, 'call', call.id)).toMatchObject({
      type: 'call',
      occurred_at: '2024-02-10T09:00:00Z',
      direction: 'incoming',
      duration: 95,
      missed: false,
      snippet: 'Discussed the quote',
      user_id: world.userId,
    });
    expect(itemOf(page, 'text_message', text.id)).toMatchObject({ direction: 'outgoing', snippet: 'See you Monday', occurred_at: '2024-03-10T09:00:00Z' });
    expect(itemOf(page, 'note', note.id)).toMatchObject({ snippet: 'Prefers calls in the morning', is_important: false, user_id: world.userId });

    const first = await world.feed(contact, { per_page: 2 });
    expect(itemKeys(first)).toEqual(itemKeys(page).slice(0, 2));
    expect(first.meta.links.next_page).toContain('page=2');
    const second = await world.feed(contact, { per_page: 2, page: 2 });
    expect(itemKeys(second)).toEqual(itemKeys(page).slice(2, 4));
    const third = await world.feed(contact, { per_page: 2, page: 3 });
    expect(itemKeys(third)).toEqual(itemKeys(page).slice(4));
    expect(third.meta.links).not.toHaveProperty('next_page');
    expect(third.meta.links.prev_page).toContain('page=2');
    expect((await world.feed(contact, { per_page: 2, page: 4 })).items).toEqual([]);
  });

  it('filters by type, starred and thread, alone and together', async () => {
    const contact = await world.record('contact');
    const email = await world.email([contact], { date: '2024-01-01T00:00:00Z' });
    const call = await logCall(world.api, world.auth, { resource_type: 'contact', resource_id: contact.id, made_at: '2024-01-02T00:00:00Z' });
    const text = await insertTextMessage(world.stack, world.accountId, { resource_type: 'contact', resource_id: contact.id, sent_at: new Date('2024-01-03T00:00:00Z') });
    const note = await world.note(contact);
    await world.api.post('/v2/stars').set(world.auth).send({ data: { item_type: 'email', item_id: email.id } }).expect(200);
    await world.api.post('/v2/stars').set(world.auth).send({ data: { item_type: 'note', item_id: note.id } }).expect(200);
    const thread = (await world.api.post('/v2/threads').set(world.auth).send({ data: { resource_type: 'contact', resource_id: contact.id, name: 'T' } }).expect(200))
      .body.data;
    for (const [type, id] of [['email', email.id], ['call', call.id]] as const) {
      await world.api.post(`/v2/threads/${thread.id}/items`).set(world.auth).send({ data: { item_type: type, item_id: id } }).expect(200);
    }

    expect(itemKeys(await world.feed(contact, { type: 'email,note' }))).toEqual([`note:${note.id}`, `email:${email.id}`]);
    expect(itemKeys(await world.feed(contact, { type: 'call' }))).toEqual([`call:${call.id}`]);
    expect(itemKeys(await world.feed(contact, { starred: true }))).toEqual([`note:${note.id}`, `email:${email.id}`]);
    expect(itemKeys(await world.feed(contact, { starred: false }))).toEqual([`text_message:${text.id}`, `call:${call.id}`]);
    expect(itemKeys(await world.feed(contact, { thread_id: thread.id }))).toEqual([`call:${call.id}`, `email:${email.id}`]);
    expect(itemKeys(await world.feed(contact, { thread_id: thread.id, starred: true }))).toEqual([`email:${email.id}`]);
    expect(itemKeys(await world.feed(contact, { thread_id: thread.id, starred: true, type: 'call,note' }))).toEqual([]);
  });

  it('refuses malformed or foreign parameters with Sell errors', async () => {
    const contact = await world.record('contact');
    const other = await world.record('contact');
    const othersThread = (await world.api.post('/v2/threads').set(world.auth).send({ data: { resource_type: 'contact', resource_id: other.id, name: 'X' } }).expect(200))
      .body.data;
    const get = (query: Record<string, unknown>, auth: Auth = world.auth) => world.api.get('/v2/activities').query(query).set(auth);
    const on = { resource_type: 'contact', resource_id: contact.id };

    const missing = await get({}).expect(422);
    expect(missing.body.errors.map((e: { error: { field: string } }) => e.error.field).sort()).toEqual(['/resource_id', '/resource_type']);
    await get({ resource_type: 'user', resource_id: contact.id }).expect(422);
    await get({ resource_type: 'contact', resource_id: 'abc' }).expect(422);
    await get({ ...on, type: 'fax' }).expect(400);
    await get({ ...on, starred: 'maybe' }).expect(400);
    await get({ ...on, thread_id: 'x' }).expect(400);
    await get({ ...on, sort_by: 'id:asc' }).expect(400);
    await get({ ...on, per_page: 101 }).expect(422);
    const notHers = await get({ ...on, thread_id: othersThread.id }).expect(422);
    expect(notHers.body.errors[0].error).toMatchObject({ field: '/thread_id' });
    await get({ ...on, thread_id: 2_000_000_000 }).expect(422);
    await get({ resource_type: 'contact', resource_id: 2_000_000_000 }).expect(404);
    await world.api.get('/v2/activities').query(on).expect(401);
  });

  it("shows a record's feed only to those who can see the record, with everything on it", async () => {
    const repsContact = await world.record('contact', { owner_id: rep.id });
    const adminsContact = await world.record('contact');
    const other = await world.stack.createAccount('Feeds elsewhere');
    // The admin's email and note on the rep's contact are the rep's to see.
    const email = await world.email([repsContact, adminsContact]);
    const note = await world.note(repsContact);
    expect(itemKeys(await world.feed(repsContact, {}, rep.auth)).sort()).toEqual([`email:${email.id}`, `note:${note.id}`].sort());

    for (const auth of [rep.auth, other.auth]) {
      const hidden = await world.api.get('/v2/activities').query({ resource_type: 'contact', resource_id: adminsContact.id }).set(auth).expect(404);
      expect(hidden.body.errors[0].error).toMatchObject({ code: 'not_found' });
    }
  });

  it('gathers on a deal its own items and the calls and texts associated with it', async () => {
    const contact = await world.record('contact');
    const deal = await world.record('deal', { contact_id: contact.id });
    const email = await world.email([deal, contact]);
    const onDeal = await logCall(world.api, world.auth, { resource_type: 'deal', resource_id: deal.id });
    const associated = await logCall(world.api, world.auth, { resource_type: 'contact', resource_id: contact.id, associated_deal_ids: [deal.id] });
    const text = await insertTextMessage(world.stack, world.accountId, { resource_type: 'contact', resource_id: contact.id, associated_deal_ids: [deal.id] });
    const note = await world.note(deal);
    await logCall(world.api, world.auth, { resource_type: 'contact', resource_id: contact.id });

    expect(itemKeys(await world.feed(deal)).sort()).toEqual(
      [`email:${email.id}`, `call:${onDeal.id}`, `call:${associated.id}`, `text_message:${text.id}`, `note:${note.id}`].sort(),
    );
  });

  it("moves a converted lead's activity (notes, emails, calls, texts, threads, stars) to the new contact", async () => {
    const lead = await world.record('lead');
    const note = await world.note(lead, 'Met at the fair');
    const email = await world.email([lead]);
    const call = await logCall(world.api, world.auth, { resource_type: 'lead', resource_id: lead.id });
    const text = await insertTextMessage(world.stack, world.accountId, { resource_type: 'lead', resource_id: lead.id });
    const thread = (await world.api.post('/v2/threads').set(world.auth).send({ data: { resource_type: 'lead', resource_id: lead.id, name: 'Fair' } }).expect(200))
      .body.data;
    await world.api.post(`/v2/threads/${thread.id}/items`).set(world.auth).send({ data: { item_type: 'note', item_id: note.id } }).expect(200);
    await world.api.post(`/v2/threads/${thread.id}/items`).set(world.auth).send({ data: { item_type: 'email', item_id: email.id } }).expect(200);
    await world.api.post('/v2/stars').set(world.auth).send({ data: { item_type: 'note', item_id: note.id } }).expect(200);

    const conversion = (await world.api.post('/v2/lead_conversions').set(world.auth).send({ data: { lead_id: lead.id } }).expect(200)).body.data;
    const contact = { type: 'contact' as const, id: conversion.individual_id as number };
    const expected = [`note:${note.id}`, `email:${email.id}`, `call:${call.id}`, `text_message:${text.id}`].sort();
    await eventually(async () => expect(itemKeys(await world.feed(contact)).sort()).toEqual(expected));
    expect((await world.feed(lead)).items).toEqual([]);

    const moved = (await world.api.get(`/v2/threads/${thread.id}`).set(world.auth).expect(200)).body.data;
    expect(moved).toMatchObject({ resource_type: 'contact', resource_id: contact.id, name: 'Fair' });
    expect(itemKeys(await world.feed(contact, { thread_id: thread.id })).sort()).toEqual([`email:${email.id}`, `note:${note.id}`].sort());
    expect(itemKeys(await world.feed(contact, { starred: true }))).toEqual([`note:${note.id}`]);
    expect((await world.api.get(`/v2/notes/${note.id}`).set(world.auth).expect(200)).body.data).toMatchObject({ resource_type: 'contact', resource_id: contact.id });
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const { body } = await world.api.get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v2/activities',
        '/v2/stars',
        '/v2/stars/{item_type}/{item_id}',
        '/v2/threads',
        '/v2/threads/{id}',
        '/v2/threads/{id}/items',
        '/v2/threads/{id}/items/{item_type}/{item_id}',
        '/v2/email_conversations/{id}',
        '/v2/email_conversations/{id}/split',
        '/v2/email_conversations/merge',
      ]),
    );
    const feed = body.paths['/v2/activities'].get;
    expect(feed.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['resource_type', 'resource_id', 'type', 'starred', 'thread_id']));
    expect(feed.responses['200'].content['application/json'].schema.properties.items.items.properties.data.oneOf).toHaveLength(4);
  });
});
