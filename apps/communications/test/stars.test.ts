import { ActivityWorld, itemKeys, itemOf, RecordRef } from './activity-helpers';
import { Auth, eventually, insertTextMessage } from './support';

/** Stars on emails, text messages and notes, shared by everyone who can see the record. */
describe('stars', () => {
  let world: ActivityWorld;
  let rep: { id: number; auth: Auth };

  beforeAll(async () => {
    world = await ActivityWorld.start();
    rep = await world.addRep();
  });
  afterAll(async () => {
    await world?.stop();
  });

  /** An email, a text and a note on the record. */
  const itemsOn = async (on: RecordRef) => {
    const email = await world.email([on]);
    const text = await insertTextMessage(world.stack, world.accountId, { resource_type: on.type as 'contact', resource_id: on.id, content: 'On my way' });
    const note = await world.note(on);
    return { email: email.id, text_message: text.id, note: note.id };
  };
  const star = (auth: Auth, item_type: string, item_id: unknown) => world.api.post('/v2/stars').set(auth).send({ data: { item_type, item_id } });
  const unstar = (auth: Auth, type: string, id: number | string) => world.api.delete(`/v2/stars/${type}/${id}`).set(auth);
  const starredKeys = async (on: RecordRef) => itemKeys(await world.feed(on, { starred: true }));

  it('stars emails, text messages and notes; the star is shared by everyone who can see the record', async () => {
    const contact = await world.record('contact', { owner_id: rep.id });
    const items = await itemsOn(contact);

    // The rep owns the contact: once communications has the owner from records' event, the rep may star.
    let byRep: { body: { data: unknown; meta: unknown } } | undefined;
    await eventually(async () => {
      const response = await star(rep.auth, 'email', items.email);
      expect(response.status).toBe(200);
      byRep = response;
    });
    expect(byRep!.body).toEqual({
      data: { item_type: 'email', item_id: items.email, starred_by_id: rep.id, starred_at: expect.stringMatching(/Z$/) },
      meta: { type: 'star' },
    });
    await star(world.auth, 'text_message', items.text_message).expect(200);
    await star(world.auth, 'note', items.note).expect(200);

    // Starring again changes nothing: the first star (who, when) stays.
    const again = await star(world.auth, 'email', items.email).expect(200);
    expect(again.body.data).toEqual((byRep!.body as { data: unknown }).data);

    const seenByRep = await world.feed(contact, {}, rep.auth);
    expect(itemOf(seenByRep, 'email', items.email)).toMatchObject({ starred: true, starred_by_id: rep.id });
    expect(itemOf(seenByRep, 'text_message', items.text_message)).toMatchObject({ starred: true, starred_by_id: world.userId });
    expect(itemOf(seenByRep, 'note', items.note)).toMatchObject({ starred: true, starred_by_id: world.userId, starred_at: expect.any(String) });
    expect((await starredKeys(contact)).sort()).toEqual([`email:${items.email}`, `note:${items.note}`, `text_message:${items.text_message}`].sort());

    // The rep removes the admin's star; removing it again is fine too.
    await unstar(rep.auth, 'note', items.note).expect(204);
    await unstar(rep.auth, 'note', items.note).expect(204);
    expect(itemOf(await world.feed(contact), 'note', items.note)).toMatchObject({ starred: false, starred_by_id: null, starred_at: null });
    expect(await starredKeys(contact)).not.toContain(`note:${items.note}`);
  });

  it("answers 404 for items the user cannot see, another account's or missing ones, and changes nothing", async () => {
    const adminsContact = await world.record('contact');
    const items = await itemsOn(adminsContact);
    await star(world.auth, 'note', items.note).expect(200);
    const other = await world.stack.createAccount('Stars elsewhere');

    for (const [type, id] of Object.entries(items)) {
      for (const auth of [rep.auth, other.auth]) {
        const refused = await star(auth, type, id).expect(404);
        expect(refused.body.errors[0].error).toMatchObject({ resource: type, code: 'not_found' });
        await unstar(auth, type, id).expect(404);
      }
    }
    await star(world.auth, 'email', 2_000_000_000).expect(404);
    await unstar(world.auth, 'text_message', 2_000_000_000).expect(404);
    expect(await starredKeys(adminsContact)).toEqual([`note:${items.note}`]);
  });

  it('refuses what is not a star of an email, text message or note', async () => {
    const contact = await world.record('contact');
    const call = (await world.api.post('/v2/calls').set(world.auth).send({ data: { phone_number: '+1555', resource_type: 'contact', resource_id: contact.id } }).expect(200))
      .body.data;
    const invalid = async (data: unknown, field: string) => {
      const response = await world.api.post('/v2/stars').set(world.auth).send({ data }).expect(422);
      expect(response.body.errors.map((e: { error: { field: string } }) => e.error.field)).toContain(field);
    };
    await invalid({ item_type: 'call', item_id: call.id }, '/item_type');
    await invalid({ item_type: 'email' }, '/item_id');
    await invalid({ item_type: 'email', item_id: 'seven' }, '/item_id');
    await invalid({ item_type: 'email', item_id: 0 }, '/item_id');
    await invalid({ item_type: 'email', item_id: 1, color: 'gold' }, '/color');
    await world.api.post('/v2/stars').set(world.auth).send({ item_type: 'email', item_id: 1 }).expect(422);
    await unstar(world.auth, 'call', call.id).expect(404);
    await unstar(world.auth, 'email', 'abc').expect(404);
    await world.api.post('/v2/stars').send({ data: { item_type: 'email', item_id: 1 } }).expect(401);
  });

  it('a deleted note takes its star along', async () => {
    const contact = await world.record('contact');
    const note = await world.note(contact, 'Star me, then delete me');
    await star(world.auth, 'note', note.id).expect(200);
    await world.api.delete(`/v2/notes/${note.id}`).set(world.auth).expect(204);
    await eventually(async () => expect(await starredKeys(contact)).toEqual([]));
    await star(world.auth, 'note', note.id).expect(404);
  });
});
