import { ActivityWorld, itemKeys, itemOf, RecordRef } from './activity-helpers';
import { Auth, eventually, insertTextMessage, logCall } from './support';

type Thread = { id: number; name: string; resource_type: string; resource_id: number; creator_id: number };

/** Named threads on a record: whoever sees the record uses them; messages never go with them. */
describe('threads', () => {
  let world: ActivityWorld;
  let rep: { id: number; auth: Auth };

  beforeAll(async () => {
    world = await ActivityWorld.start();
    rep = await world.addRep();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const create = (auth: Auth, data: Record<string, unknown>) => world.api.post('/v2/threads').set(auth).send({ data });
  const createOn = async (on: RecordRef, name: string, auth: Auth = world.auth): Promise<Thread> =>
    (await create(auth, { resource_type: on.type, resource_id: on.id, name }).expect(200)).body.data;
  const add = (auth: Auth, threadId: number, item_type: string, item_id: unknown) =>
    world.api.post(`/v2/threads/${threadId}/items`).set(auth).send({ data: { item_type, item_id } });
  const remove = (auth: Auth, threadId: number, type: string, id: number | string) => world.api.delete(`/v2/threads/${threadId}/items/${type}/${id}`).set(auth);
  const threadsOn = async (on: RecordRef, auth: Auth = world.auth) =>
    (await world.api.get('/v2/threads').query({ resource_type: on.type, resource_id: on.id }).set(auth).expect(200)).body;

  /** One email, call, text message and note on the record. */
  const itemsOn = async (on: RecordRef) => ({
    email: (await world.email([on])).id,
    call: (await logCall(world.api, world.auth, { resource_type: on.type, resource_id: on.id })).id,
    text_message: (await insertTextMessage(world.stack, world.accountId, { resource_type: on.type as 'contact', resource_id: on.id })).id,
    note: (await world.note(on)).id,
  });

  it('creates, lists, renames and deletes threads; items go in and out, and the messages stay', async () => {
    const contact = await world.record('contact');
    const items = await itemsOn(contact);

    const created = await create(world.auth, { resource_type: 'contact', resource_id: contact.id, name: '  Pricing  ' }).expect(200);
    expect(created.body).toEqual({
      data: {
        id: expect.any(Number),
        resource_type: 'contact',
        resource_id: contact.id,
        name: 'Pricing',
        creator_id: world.userId,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
      meta: { type: 'thread' },
    });
    const pricing: Thread = created.body.data;
    const legal = await createOn(contact, 'Legal');
    const listed = await threadsOn(contact);
    expect(listed.items.map((i: { data: Thread }) => i.data.name)).toEqual(['Pricing', 'Legal']);
    expect(listed.items[0].meta).toEqual({ type: 'thread' });
    expect((await world.api.get(`/v2/threads/${pricing.id}`).set(world.auth).expect(200)).body.data).toEqual(pricing);

    for (const [type, id] of Object.entries(items)) {
      const added = await add(world.auth, pricing.id, type, id).expect(200);
      expect(added.body).toEqual({
        data: { thread_id: pricing.id, item_type: type, item_id: id, added_by_id: world.userId, added_at: expect.any(String) },
        meta: { type: 'thread_item' },
      });
    }
    const first = (await add(world.auth, pricing.id, 'email', items.email).expect(200)).body.data;
    expect((await add(world.auth, pricing.id, 'email', items.email).expect(200)).body.data).toEqual(first);
    await add(world.auth, legal.id, 'email', items.email).expect(200);

    const inPricing = await world.feed(contact, { thread_id: pricing.id });
    expect(itemKeys(inPricing).sort()).toEqual(Object.entries(items).map(([type, id]) => `${type}:${id}`).sort());
    expect(itemOf(inPricing, 'email', items.email)!.thread_ids).toEqual([pricing.id, legal.id].sort((a, b) => a - b));
    expect(itemKeys(await world.feed(contact, { thread_id: legal.id }))).toEqual([`email:${items.email}`]);

    // Out of the thread, the call is still on the record.
    await remove(world.auth, pricing.id, 'call', items.call).expect(204);
    await remove(world.auth, pricing.id, 'call', items.call).expect(404);
    expect(itemKeys(await world.feed(contact, { thread_id: pricing.id }))).not.toContain(`call:${items.call}`);
    expect(itemOf(await world.feed(contact), 'call', items.call)).toMatchObject({ thread_ids: [] });
    await world.api.get(`/v2/calls/${items.call}`).set(world.auth).expect(200);

    const renamed = await world.api.put(`/v2/threads/${pricing.id}`).set(world.auth).send({ data: { name: 'Pricing 2025' } }).expect(200);
    expect(renamed.body.data).toMatchObject({ id: pricing.id, name: 'Pricing 2025', resource_id: contact.id });

    // Deleting the thread deletes none of its messages.
    await world.api.delete(`/v2/threads/${pricing.id}`).set(world.auth).expect(204);
    await world.api.get(`/v2/threads/${pricing.id}`).set(world.auth).expect(404);
    await world.api.delete(`/v2/threads/${pricing.id}`).set(world.auth).expect(404);
    const after = await world.feed(contact);
    expect(itemKeys(after).sort()).toEqual(Object.entries(items).map(([type, id]) => `${type}:${id}`).sort());
    expect(itemOf(after, 'email', items.email)!.thread_ids).toEqual([legal.id]);
    await world.api.get(`/v2/emails/${items.email}`).set(world.auth).expect(200);
    await world.api.get(`/v2/text_messages/${items.text_message}`).set(world.auth).expect(200);
    await world.api.get(`/v2/notes/${items.note}`).set(world.auth).expect(200);
    expect((await threadsOn(contact)).items.map((i: { data: Thread }) => i.data.id)).toEqual([legal.id]);
  });

  it("takes only items that are on the thread's record (a deal's includes associated calls and texts)", async () => {
    const contact = await world.record('contact');
    const elsewhere = await world.record('contact');
    const deal = await world.record('deal', { contact_id: contact.id });
    const thread = await createOn(contact, 'Onboarding');
    const foreign = await itemsOn(elsewhere);
    for (const [type, id] of Object.entries(foreign)) {
      const refused = await add(world.auth, thread.id, type, id).expect(422);
      expect(refused.body.errors[0].error).toMatchObject({ resource: 'thread_item', field: '/item_id' });
    }
    await add(world.auth, thread.id, 'email', 2_000_000_000).expect(422);
    expect(itemKeys(await world.feed(contact, { thread_id: thread.id }))).toEqual([]);

    const dealThread = await createOn(deal, 'Negotiation');
    const associatedCall = await logCall(world.api, world.auth, { resource_type: 'contact', resource_id: contact.id, associated_deal_ids: [deal.id] });
    const associatedText = await insertTextMessage(world.stack, world.accountId, {
      resource_type: 'contact',
      resource_id: contact.id,
      associated_deal_ids: [deal.id],
    });
    await add(world.auth, dealThread.id, 'call', associatedCall.id).expect(200);
    await add(world.auth, dealThread.id, 'text_message', associatedText.id).expect(200);
    expect(itemKeys(await world.feed(deal, { thread_id: dealThread.id })).sort()).toEqual(
      [`call:${associatedCall.id}`, `text_message:${associatedText.id}`].sort(),
    );
  });

  it("is shared by everyone who sees the record, and a 404 with nothing changed for others", async () => {
    const repsContact = await world.record('contact', { owner_id: rep.id });
    const adminsContact = await world.record('contact');
    const other = await world.stack.createAccount('Threads elsewhere');

    // The admin made a thread on the rep's contact: the rep may use it fully.
    const shared = await createOn(repsContact, 'Shared');
    const note = await world.note(repsContact);
    await eventually(async () => {
      await add(rep.auth, shared.id, 'note', note.id).expect(200);
    });
    await world.api.put(`/v2/threads/${shared.id}`).set(rep.auth).send({ data: { name: 'Renamed by rep' } }).expect(200);
    expect((await threadsOn(repsContact, rep.auth)).items.map((i: { data: Thread }) => i.data.name)).toEqual(['Renamed by rep']);
    expect(itemKeys(await world.feed(repsContact, { thread_id: shared.id }, rep.auth))).toEqual([`note:${note.id}`]);

    const hidden = await createOn(adminsContact, 'Admins only');
    const hiddenNote = await world.note(adminsContact);
    await add(world.auth, hidden.id, 'note', hiddenNote.id).expect(200);
    for (const auth of [rep.auth, other.auth]) {
      await world.api.get(`/v2/threads/${hidden.id}`).set(auth).expect(404);
      await world.api.put(`/v2/threads/${hidden.id}`).set(auth).send({ data: { name: 'Mine now' } }).expect(404);
      await world.api.delete(`/v2/threads/${hidden.id}`).set(auth).expect(404);
      await add(auth, hidden.id, 'note', hiddenNote.id).expect(404);
      await remove(auth, hidden.id, 'note', hiddenNote.id).expect(404);
      await world.api.get('/v2/threads').query({ resource_type: 'contact', resource_id: adminsContact.id }).set(auth).expect(404);
      const refused = await create(auth, { resource_type: 'contact', resource_id: adminsContact.id, name: 'Sneaky' }).expect(422);
      expect(refused.body.errors[0].error).toMatchObject({ field: '/resource_id' });
    }
    expect((await world.api.get(`/v2/threads/${hidden.id}`).set(world.auth).expect(200)).body.data.name).toBe('Admins only');
    expect(itemKeys(await world.feed(adminsContact, { thread_id: hidden.id }))).toEqual([`note:${hiddenNote.id}`]);
    expect((await threadsOn(adminsContact)).items).toHaveLength(1);
  });

  it('refuses bad input with Sell errors and changes nothing', async () => {
    const contact = await world.record('contact');
    const thread = await createOn(contact, 'Kept');
    const invalid = async (data: Record<string, unknown>, field: string) => {
      const response = await create(world.auth, data).expect(422);
      expect(response.body.errors.map((e: { error: { field: string } }) => e.error.field)).toContain(field);
    };
    await invalid({ resource_type: 'contact', resource_id: contact.id }, '/name');
    await invalid({ resource_type: 'contact', resource_id: contact.id, name: '   ' }, '/name');
    await invalid({ resource_type: 'contact', resource_id: contact.id, name: 'x'.repeat(256) }, '/name');
    await invalid({ resource_type: 'user', resource_id: contact.id, name: 'A' }, '/resource_type');
    await invalid({ resource_type: 'contact', resource_id: '12', name: 'A' }, '/resource_id');
    await invalid({ resource_type: 'contact', resource_id: 2_000_000_000, name: 'A' }, '/resource_id');
    await invalid({ resource_type: 'contact', resource_id: contact.id, name: 'A', color: 'red' }, '/color');

    const rename = await world.api.put(`/v2/threads/${thread.id}`).set(world.auth).send({ data: { name: 'Moved', resource_id: 1 } }).expect(422);
    expect(rename.body.errors[0].error).toMatchObject({ field: '/resource_id', code: 'unknown' });
    await world.api.put(`/v2/threads/${thread.id}`).set(world.auth).send({ data: { name: '' } }).expect(422);
    await add(world.auth, thread.id, 'task', 1).expect(422);
    await add(world.auth, thread.id, 'email', -3).expect(422);
    await remove(world.auth, thread.id, 'task', 1).expect(404);
    await remove(world.auth, thread.id, 'email', 'x').expect(404);
    await world.api.get('/v2/threads/abc').set(world.auth).expect(404);

    await world.api.get('/v2/threads').set(world.auth).expect(422);
    await world.api.get('/v2/threads').query({ resource_type: 'contact' }).set(world.auth).expect(422);
    await world.api.get('/v2/threads').query({ resource_type: 'contact', resource_id: contact.id, name: 'Kept' }).set(world.auth).expect(400);
    await world.api.get('/v2/threads').query({ resource_type: 'contact', resource_id: 2_000_000_000 }).set(world.auth).expect(404);

    expect((await threadsOn(contact)).items.map((i: { data: Thread }) => i.data)).toEqual([thread]);
  });

  it("a deleted record takes its threads, not the messages that stay on other records", async () => {
    const contact = await world.record('contact');
    const other = await world.record('contact');
    const thread = await createOn(contact, 'Doomed');
    const both = await world.email([contact, other]);
    await add(world.auth, thread.id, 'email', both.id).expect(200);
    await world.api.delete(`/v2/contacts/${contact.id}`).set(world.auth).expect(204);
    await eventually(async () => {
      await world.api.get(`/v2/threads/${thread.id}`).set(world.auth).expect(404);
    });
    expect(itemOf(await world.feed(other), 'email', both.id)).toMatchObject({ thread_ids: [] });
  });
});
