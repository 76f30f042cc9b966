import { randomUUID } from 'node:crypto';
import type { EmailConversationDto, MailAddress, MailMessageReceivedEvent } from '@crm/contracts';
import { ActivityWorld, itemOf, RecordRef } from './activity-helpers';
import { mailEvent } from './mail-events';
import { Auth, eventually, processedByCommunications } from './support';

const person = (email: string): MailAddress => ({ email, name: null });

/**
 * Automatic email threading (Message-ID, In-Reply-To, References; else normalised subject and
 * shared people) by the background pass, and the manual split and merge that it never undoes.
 */
describe('email conversations', () => {
  let world: ActivityWorld;
  let rep: { id: number; auth: Auth };

  beforeAll(async () => {
    // Two replicas: they share the durable consumer and lease threading batches from each other.
    world = await ActivityWorld.start(2);
    rep = await world.addRep();
  });
  afterAll(async () => {
    await world?.stop();
  });

  /** Every test has its own subjects, addresses and Message-IDs: conversations span the whole account. */
  const unique = () => {
    const tag = randomUUID().slice(0, 8);
    return {
      tag,
      id: (name: string) => `${name}-${tag}@mail.example.com`,
      pat: person(`pat-${tag}@customer.example`),
      sales: person(`sales-${tag}@crm.example`),
    };
  };
  const file = (on: RecordRef, overrides: Partial<MailMessageReceivedEvent>) => world.email([on], overrides);
  /** The email's conversation once the threading pass has reached it. */
  const conversationOf = async (on: RecordRef, emailId: number): Promise<number> => {
    let found: number | null = null;
    await eventually(async () => {
      const item = itemOf(await world.feed(on, { type: 'email' }), 'email', emailId) as { conversation_id: number | null };
      found = item.conversation_id;
      expect(found).toEqual(expect.any(Number));
    });
    return found!;
  };
  const conversationsOf = async (on: RecordRef, ...emailIds: number[]) => {
    for (const id of emailIds) await conversationOf(on, id);
    return Promise.all(emailIds.map((id) => conversationOf(on, id)));
  };
  const getConversation = async (id: number, auth: Auth = world.auth): Promise<EmailConversationDto> =>
    (await world.api.get(`/v2/email_conversations/${id}`).set(auth).expect(200)).body.data;
  const emailIdsIn = async (id: number) => (await getConversation(id)).emails.map((e) => e.id);

  it('threads replies by In-Reply-To and References, whatever their subject', async () => {
    const u = unique();
    const contact = await world.record('contact');
    const a = await file(contact, { messageId: u.id('a'), subject: `Plan ${u.tag}`, from: u.pat, to: [u.sales], date: '2024-05-01T10:00:00Z' });
    const b = await file(contact, {
      messageId: u.id('b'),
      inReplyTo: u.id('a'),
      references: [u.id('a')],
      subject: `Re: Plan ${u.tag}`,
      from: u.sales,
      to: [u.pat],
      date: '2024-05-02T10:00:00Z',
    });
    const c = await file(contact, {
      messageId: u.id('c'),
      inReplyTo: u.id('b'),
      references: [u.id('a'), u.id('b')],
      subject: `Something else entirely ${u.tag}`,
      from: person(`boss-${u.tag}@customer.example`),
      to: [person(`finance-${u.tag}@customer.example`)],
      date: '2024-05-03T10:00:00Z',
    });
    const d = await file(contact, { messageId: u.id('d'), references: [u.id('a')], subject: 'Unrelated words', from: person(`x-${u.tag}@elsewhere.example`), date: '2024-05-04T10:00:00Z' });

    const [ofA, ofB, ofC, ofD] = await conversationsOf(contact, a.id, b.id, c.id, d.id);
    expect([ofB, ofC, ofD]).toEqual([ofA, ofA, ofA]);
    const conversation = await getConversation(ofA);
    expect(conversation).toMatchObject({
      id: ofA,
      subject: `Plan ${u.tag}`,
      email_count: 4,
      first_date: '2024-05-01T10:00:00Z',
      last_date: '2024-05-04T10:00:00Z',
      manual: false,
    });
    expect(conversation.emails.map((e) => e.id)).toEqual([a.id, b.id, c.id, d.id]);
    expect(conversation.emails[1]).toEqual({
      id: b.id,
      message_id: u.id('b'),
      subject: `Re: Plan ${u.tag}`,
      snippet: 'Hello, here is the quote.',
      direction: 'received',
      from: u.sales,
      to: [u.pat],
      cc: [],
      date: '2024-05-02T10:00:00Z',
      in_reply_to: u.id('a'),
      user_id: null,
    });
    expect(conversation.participants).toEqual(expect.arrayContaining([u.pat.email, u.sales.email, `boss-${u.tag}@customer.example`]));
  });

  it('joins a late parent to its replies, and bridges the conversations its replies had opened', async () => {
    const u = unique();
    const contact = await world.record('contact');
    const first = await file(contact, { messageId: u.id('r1'), inReplyTo: u.id('p'), references: [u.id('p')], subject: `Re: Launch ${u.tag}`, from: u.pat, to: [u.sales] });
    const second = await file(contact, {
      messageId: u.id('r2'),
      inReplyTo: u.id('p'),
      references: [u.id('p')],
      subject: `Other ${u.tag}`,
      from: person(`someone-${u.tag}@x.example`),
      to: [person(`else-${u.tag}@x.example`)],
    });
    const [ofFirst, ofSecond] = await conversationsOf(contact, first.id, second.id);
    expect(ofSecond).not.toBe(ofFirst);

    const parent = await file(contact, { messageId: u.id('p'), subject: `Launch ${u.tag}`, from: u.sales, to: [u.pat], date: '2024-04-30T10:00:00Z' });
    await eventually(async () => {
      const [ofParent, nowFirst, nowSecond] = await conversationsOf(contact, parent.id, first.id, second.id);
      expect([nowFirst, nowSecond]).toEqual([ofParent, ofParent]);
    });
    const [merged] = await conversationsOf(contact, parent.id);
    expect(await emailIdsIn(merged)).toEqual(expect.arrayContaining([parent.id, first.id, second.id]));
    await world.api.get(`/v2/email_conversations/${merged === ofFirst ? ofSecond : ofFirst}`).set(world.auth).expect(404);
  });

  it('falls back to the normalised subject and shared people within 90 days, and no further', async () => {
    const u = unique();
    const contact = await world.record('contact');
    const thread = async (overrides: Partial<MailMessageReceivedEvent>) => {
      const email = await file(contact, overrides);
      return conversationOf(contact, email.id);
    };
    const original = await thread({ subject: `Quote ${u.tag}`, from: u.pat, to: [u.sales], date: '2024-01-01T10:00:00Z' });
    // No headers linking them: same subject after "RE:", case and spaces, between the same two people.
    expect(await thread({ subject: `RE:  quote   ${u.tag.toUpperCase()}`, from: u.sales, to: [u.pat], date: '2024-01-11T10:00:00Z' })).toBe(original);
    expect(await thread({ subject: `AW: WG: Quote ${u.tag}`, from: u.pat, to: [u.sales], cc: [person(`cc-${u.tag}@customer.example`)], date: '2024-02-01T10:00:00Z' })).toBe(original);

    // Another customer writing to the same address with the same subject shares only sales@.
    expect(await thread({ subject: `Quote ${u.tag}`, from: person(`other-${u.tag}@customer.example`), to: [u.sales], date: '2024-01-12T10:00:00Z' })).not.toBe(original);
    // Same people, another subject.
    expect(await thread({ subject: `Invoice ${u.tag}`, from: u.pat, to: [u.sales], date: '2024-01-12T10:00:00Z' })).not.toBe(original);
    // Same subject and people, but long after the conversation's last email.
    expect(await thread({ subject: `Re: Quote ${u.tag}`, from: u.pat, to: [u.sales], date: '2024-09-01T10:00:00Z' })).not.toBe(original);
    // Subjectless mail never joins by subject.
    const blank = await thread({ subject: null, from: u.pat, to: [u.sales], date: '2024-01-02T10:00:00Z' });
    expect(blank).not.toBe(original);
    expect(await thread({ subject: 'Re:', from: u.pat, to: [u.sales], date: '2024-01-03T10:00:00Z' })).not.toBe(blank);
    expect((await getConversation(original)).email_count).toBe(3);
  });

  it('splits emails into a conversation of their own that the automatic pass never undoes', async () => {
    const u = unique();
    const contact = await world.record('contact');
    const headers = (name: string, parents: string[]) => ({
      messageId: u.id(name),
      inReplyTo: parents.length ? u.id(parents[parents.length - 1]) : null,
      references: parents.map(u.id),
      subject: `Renewal ${u.tag}`,
      from: u.pat,
      to: [u.sales],
    });
    const a = await file(contact, { ...headers('a', []), date: '2024-06-01T10:00:00Z' });
    const b = await file(contact, { ...headers('b', ['a']), date: '2024-06-02T10:00:00Z' });
    const c = await file(contact, { ...headers('c', ['a', 'b']), date: '2024-06-03T10:00:00Z' });
    const [original] = await conversationsOf(contact, a.id, b.id, c.id);
    expect(await emailIdsIn(original)).toEqual([a.id, b.id, c.id]);

    const split = await world.api.post(`/v2/email_conversations/${original}/split`).set(world.auth).send({ data: { email_ids: [c.id] } }).expect(200);
    expect(split.body.meta).toEqual({ type: 'email_conversation' });
    const created: EmailConversationDto = split.body.data;
    expect(created).toMatchObject({ manual: true, email_count: 1, subject: `Renewal ${u.tag}`, first_date: '2024-06-03T10:00:00Z' });
    expect(created.emails.map((e) => e.id)).toEqual([c.id]);
    expect(await getConversation(original)).toMatchObject({ manual: true, email_count: 2, last_date: '2024-06-02T10:00:00Z' });

    // A reply to the split email follows it; a reply naming both sides joins its direct parent's
    // conversation and merges nothing back: a manual assignment stays.
    const d = await file(contact, { ...headers('d', ['a', 'b', 'c']), date: '2024-06-04T10:00:00Z' });
    const e = await file(contact, { ...headers('e', ['c', 'a']), date: '2024-06-05T10:00:00Z' });
    const [ofD, ofE] = await conversationsOf(contact, d.id, e.id);
    expect(ofD).toBe(created.id);
    expect(ofE).toBe(original);
    expect(await emailIdsIn(created.id)).toEqual([c.id, d.id]);
    expect(await emailIdsIn(original)).toEqual([a.id, b.id, e.id]);
  });

  it('merges conversations into the first one named; later replies to either land there', async () => {
    const u = unique();
    const contact = await world.record('contact');
    const x = await file(contact, { messageId: u.id('x'), subject: `Alpha ${u.tag}`, from: u.pat, to: [u.sales] });
    const y = await file(contact, { messageId: u.id('y'), subject: `Beta ${u.tag}`, from: person(`b-${u.tag}@b.example`), to: [u.sales] });
    const [ofX, ofY] = await conversationsOf(contact, x.id, y.id);
    expect(ofX).not.toBe(ofY);

    const merged = await world.api.post('/v2/email_conversations/merge').set(world.auth).send({ data: { ids: [ofX, ofY] } }).expect(200);
    expect(merged.body.data).toMatchObject({ id: ofX, manual: true, email_count: 2 });
    expect(merged.body.data.participants).toEqual([`b-${u.tag}@b.example`, u.pat.email, u.sales.email].sort());
    await world.api.get(`/v2/email_conversations/${ofY}`).set(world.auth).expect(404);
    const reply = await file(contact, { messageId: u.id('z'), inReplyTo: u.id('y'), references: [u.id('y')], subject: `Re: Beta ${u.tag}` });
    expect(await conversationOf(contact, reply.id)).toBe(ofX);
    expect(await emailIdsIn(ofX)).toEqual(expect.arrayContaining([x.id, y.id, reply.id]));
  });

  it("answers 404 for conversations and emails the user cannot see, refuses bad input, and changes nothing", async () => {
    const u = unique();
    const adminsContact = await world.record('contact');
    const repsContact = await world.record('contact', { owner_id: rep.id });
    const hidden = await file(adminsContact, { messageId: u.id('h1'), subject: `Hidden ${u.tag}`, from: u.pat, to: [u.sales] });
    const hiddenReply = await file(adminsContact, { messageId: u.id('h2'), inReplyTo: u.id('h1'), references: [u.id('h1')], subject: `Re: Hidden ${u.tag}` });
    const visible = await file(repsContact, { messageId: u.id('v1'), subject: `Visible ${u.tag}`, from: person(`v-${u.tag}@v.example`), to: [u.sales] });
    const visibleReply = await file(repsContact, { messageId: u.id('v2'), inReplyTo: u.id('v1'), references: [u.id('v1')], subject: `Re: Visible ${u.tag}` });
    const [ofHidden] = await conversationsOf(adminsContact, hidden.id, hiddenReply.id);
    const [ofVisible] = await conversationsOf(repsContact, visible.id, visibleReply.id);
    await eventually(async () => expect((await getConversation(ofVisible, rep.auth)).email_count).toBe(2));
    const other = await world.stack.createAccount('Conversations elsewhere');
    const before = { hidden: await getConversation(ofHidden), visible: await getConversation(ofVisible) };

    const split = (auth: Auth, id: number, data: unknown) => world.api.post(`/v2/email_conversations/${id}/split`).set(auth).send({ data });
    const merge = (auth: Auth, data: unknown) => world.api.post('/v2/email_conversations/merge').set(auth).send({ data });
    for (const auth of [rep.auth, other.auth]) {
      await world.api.get(`/v2/email_conversations/${ofHidden}`).set(auth).expect(404);
      await split(auth, ofHidden, { email_ids: [hiddenReply.id] }).expect(404);
      await merge(auth, { ids: [ofHidden, ofVisible] }).expect(404);
      await merge(auth, { ids: [ofVisible, ofHidden] }).expect(404);
    }
    // The rep sees the conversation, but not the email named: 404, nothing moves.
    const foreignEmail = await split(rep.auth, ofVisible, { email_ids: [visibleReply.id, hidden.id] }).expect(404);
    expect(foreignEmail.body.errors[0].error).toMatchObject({ resource: 'email' });

    await split(world.auth, ofVisible, { email_ids: [hiddenReply.id] }).expect(422);
    await split(world.auth, ofVisible, { email_ids: [visible.id, visibleReply.id] }).expect(422);
    await split(world.auth, ofVisible, { email_ids: [] }).expect(422);
    await split(world.auth, ofVisible, { email_ids: ['one'] }).expect(422);
    await split(world.auth, ofVisible, {}).expect(422);
    await split(world.auth, 2_000_000_000, { email_ids: [visible.id] }).expect(404);
    await merge(world.auth, { ids: [ofVisible] }).expect(422);
    await merge(world.auth, { ids: [ofVisible, ofVisible] }).expect(422);
    await merge(world.auth, { ids: [ofVisible, 2_000_000_000] }).expect(404);
    await merge(world.auth, { ids: ofVisible }).expect(422);
    await world.api.get('/v2/email_conversations/abc').set(world.auth).expect(404);

    expect(await getConversation(ofHidden)).toEqual(before.hidden);
    expect(await getConversation(ofVisible)).toEqual(before.visible);
  });

  it('converges on one conversation per thread, by Message-IDs alone, whatever order a burst of mail arrives in', async () => {
    const contact = await world.record('contact');
    const chain = (u: ReturnType<typeof unique>, subject: string) =>
      Array.from({ length: 12 }, (_, i) =>
        mailEvent(world.accountId, {
          links: [{ resource_type: 'contact', resource_id: contact.id }],
          messageId: u.id(`m${i}`),
          inReplyTo: i === 0 ? null : u.id(`m${i - 1}`),
          references: Array.from({ length: i }, (_, j) => u.id(`m${j}`)).slice(-3),
          // Every email its own subject and people: only Message-IDs tie the chain together.
          subject: `${subject} part ${i}`,
          from: person(`from${i}-${u.tag}@x.example`),
          to: [person(`to${i}-${u.tag}@x.example`)],
          date: new Date(Date.UTC(2024, 2, 1 + i)).toISOString(),
        }),
      );
    const [one, two] = [unique(), unique()];
    const burst = [...chain(one, `Contract ${one.tag}`), ...chain(two, `Contract ${two.tag}`)].sort(() => Math.random() - 0.5);
    const published = await Promise.all(burst.map((event) => world.mail.publish(event)));
    await eventually(async () => {
      for (const { eventId } of published) expect(await processedByCommunications(world.stack, eventId)).toBe(true);
    }, 30_000);

    const listed = await world.api.get('/v2/emails').query({ resource_type: 'contact', resource_id: contact.id, per_page: 100 }).set(world.auth).expect(200);
    expect(listed.body.items).toHaveLength(24);
    const byMessage = new Map<string, number>(listed.body.items.map((item: { data: { message_id: string; id: number } }) => [item.data.message_id, item.data.id]));
    const conversationsOfChain = async (u: ReturnType<typeof unique>) =>
      new Set(await conversationsOf(contact, ...Array.from({ length: 12 }, (_, i) => byMessage.get(u.id(`m${i}`))!)));
    await eventually(async () => {
      const [first, second] = [await conversationsOfChain(one), await conversationsOfChain(two)];
      expect(first.size).toBe(1);
      expect(second.size).toBe(1);
      expect([...first][0]).not.toBe([...second][0]);
    }, 30_000);
    const [conversation] = await conversationsOfChain(one);
    expect((await getConversation(conversation)).email_count).toBe(12);
  });
});
