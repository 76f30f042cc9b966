import { DistributionRequests as D, ListQuery, RecordsEvents, RecordsRequests as R } from '@crm/contracts';
import { factories, outboxEvents, startStack, Stack } from '@crm/testing';
import { Client } from 'pg';
import { recordsService } from '../src/app';
import { eventually } from './mail-event-support';

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({ page: 1, perPage: 100, filters: {}, customFields: {}, ...overrides });
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** What mail-ingest asks records when it files a message: colleagues, contacts found or created, a deal's people. */
describe('mail filing requests', () => {
  let stack: Stack;
  let db: Client;

  type Actor = { accountId: number; userId: number };
  const newAccount = async (): Promise<Actor> => {
    const account = await stack.createAccount();
    return { accountId: account.accountId, userId: account.userId };
  };
  const newUser = async (actor: Actor, overrides: Record<string, unknown> = {}) =>
    stack.rpc.request(R.CreateUser, { ...actor, data: factories.user(overrides) });
  const ensure = (actor: Actor, people: { email: string; name: string | null }[]) =>
    stack.rpc.request(R.EnsureContactsByEmail, { accountId: actor.accountId, integration: 'mail_ingest', people });
  const setMailOwner = (actor: Actor, data: { owner_id?: number; owner_pool_id?: number }) =>
    stack.rpc.request(R.SetIntegrationOwner, { ...actor, integration: 'mail_ingest', resourceType: 'contact', data });

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, 'distribution'] });
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('finds users by email ignoring case, inactive ones with their status, in one answer', async () => {
    const actor = await newAccount();
    const tag = unique();
    const active = await newUser(actor, { name: 'Ann Active', email: `Ann.${tag}@Example.com` });
    const gone = await newUser(actor, { name: 'Ian Inactive', email: `ian.${tag}@example.com` });
    await stack.rpc.request(R.UpdateUser, { ...actor, id: gone.id, data: { status: 'inactive' } });
    const other = await newAccount();
    await newUser(other, { email: `bob.${tag}@example.com` });

    const matches = await stack.rpc.request(R.FindUsersByEmail, {
      accountId: actor.accountId,
      emails: [`ANN.${tag}@example.COM`, ` Ian.${tag}@example.com `, `bob.${tag}@example.com`, 'not an email', ''],
    });
    expect(matches.sort((a, b) => a.id - b.id)).toEqual([
      { id: active.id, email: `Ann.${tag}@Example.com`, name: 'Ann Active', status: 'active' },
      { id: gone.id, email: `ian.${tag}@example.com`, name: 'Ian Inactive', status: 'inactive' },
    ]);
    expect(await stack.rpc.request(R.FindUsersByEmail, { accountId: actor.accountId, emails: [] })).toEqual([]);
  });

  it('matches existing contacts, people and organizations, ignoring case', async () => {
    const actor = await newAccount();
    const person = await stack.rpc.request(R.CreateContact, { ...actor, data: factories.person({ email: 'Mixed.Case@Example.com' }) });
    const organization = await stack.rpc.request(R.CreateContact, { ...actor, data: factories.organization({ email: 'info@acme.example' }) });

    const ensured = await ensure(actor, [
      { email: 'mixed.case@EXAMPLE.com', name: 'Someone Else' },
      { email: 'INFO@acme.example', name: null },
    ]);
    expect(ensured).toEqual([
      { email: 'mixed.case@example.com', contact_id: person.id, owner_id: actor.userId, created: false },
      { email: 'info@acme.example', contact_id: organization.id, owner_id: actor.userId, created: false },
    ]);
    const contacts = await stack.rpc.request(R.ListContacts, { ...actor, query: query() });
    expect(contacts.items).toHaveLength(2);
  });

  it('creates a missing person owned by the default mail owner, named from the display name, with a created event', async () => {
    const actor = await newAccount();
    const rep = await newUser(actor);
    await setMailOwner(actor, { owner_id: rep.id });

    const [jane, bare] = await ensure(actor, [
      { email: 'Jane.Doe@Example.com', name: 'Jane Q. Doe' },
      { email: 'x.y@example.com', name: null },
    ]);
    expect(jane).toMatchObject({ email: 'jane.doe@example.com', owner_id: rep.id, created: true });
    expect(bare).toMatchObject({ email: 'x.y@example.com', owner_id: rep.id, created: true });
    const contact = await stack.rpc.request(R.GetContact, { ...actor, id: jane.contact_id });
    expect(contact).toMatchObject({
      first_name: 'Jane Q.', last_name: 'Doe', name: 'Jane Q. Doe', email: 'Jane.Doe@Example.com', is_organization: false,
      owner_id: rep.id, creator_id: actor.userId, customer_status: 'none', prospect_status: 'none', tags: [], bcc_email: null,
    });
    expect(await stack.rpc.request(R.GetContact, { ...actor, id: bare.contact_id })).toMatchObject({ first_name: null, last_name: 'x.y' });

    const events = await db.query(`SELECT payload FROM ${outboxEvents('records')} WHERE subject = $1 AND account_id = $2 ORDER BY created_at`, [
      RecordsEvents.contact.created,
      actor.accountId,
    ]);
    expect(events.rows.map((row) => row.payload.id).sort()).toEqual([jane.contact_id, bare.contact_id].sort());
    expect(events.rows[0].payload.data).toMatchObject({ owner_id: rep.id, bcc_email: null });

    // The second time they exist.
    expect(await ensure(actor, [{ email: 'jane.doe@example.com', name: null }])).toEqual([{ ...jane, created: false }]);
  });

  it('gives new contacts the next members of a default pool, one turn each, linked to the contacts', async () => {
    const actor = await newAccount();
    const first = await newUser(actor);
    const second = await newUser(actor);
    const pool = await stack.rpc.request(D.CreatePool, {
      ...actor,
      data: { name: 'Mail pool', resource_type: 'contact', members: [{ user_id: first.id }, { user_id: second.id }] },
    });
    await setMailOwner(actor, { owner_pool_id: pool.id });

    const ensured = await ensure(actor, [
      { email: `p1-${unique()}@example.com`, name: 'Pat One' },
      { email: `p2-${unique()}@example.com`, name: 'Pat Two' },
    ]);
    expect(ensured.every((e) => e.created)).toBe(true);
    expect(ensured.map((e) => e.owner_id).sort()).toEqual([first.id, second.id].sort());
    const log = await eventually(
      () => stack.rpc.request(D.ListAssignments, { ...actor, query: query() }),
      (page) => page.items.length === 2 && page.items.every((line) => line.resource_id !== null),
    );
    expect(log.items.map((line) => [line.user_id, line.resource_id, line.source]).sort()).toEqual(
      ensured.map((e) => [e.owner_id, e.contact_id, 'mail_ingest']).sort(),
    );
  });

  it("falls back to the account owner without a default, or when the default user is inactive", async () => {
    const actor = await newAccount();
    const [made] = await ensure(actor, [{ email: `fallback-${unique()}@example.com`, name: 'Fay Back' }]);
    expect(made).toMatchObject({ owner_id: actor.userId, created: true });

    const rep = await newUser(actor);
    await setMailOwner(actor, { owner_id: rep.id });
    await stack.rpc.request(R.UpdateUser, { ...actor, id: rep.id, data: { status: 'inactive' } });
    const [second] = await ensure(actor, [{ email: `inactive-${unique()}@example.com`, name: null }]);
    expect(second).toMatchObject({ owner_id: actor.userId, created: true });
  });

  it('makes one contact when 20 requests ask for the same new email at once', async () => {
    const actor = await newAccount();
    const email = `race-${unique()}@example.com`;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ensure(actor, [{ email: i % 2 ? email.toUpperCase() : email, name: 'Race Condition' }])),
    );
    const ids = new Set(replies.map(([reply]) => reply.contact_id));
    expect(ids.size).toBe(1);
    expect(replies.filter(([reply]) => reply.created)).toHaveLength(1);
    const found = await stack.rpc.request(R.FindPartiesByEmail, { accountId: actor.accountId, emails: [email] });
    expect(found).toEqual([expect.objectContaining({ resource_type: 'contact', resource_id: [...ids][0] })]);
  });

  it('skips blank and invalid emails and answers each distinct email once, handling a large batch', async () => {
    const actor = await newAccount();
    const existing = await stack.rpc.request(R.CreateContact, { ...actor, data: factories.person({ email: 'known@example.com' }) });
    const batch = Array.from({ length: 300 }, (_, i) => ({ email: `bulk${i}@example.com`, name: `Bulk Person${i}` }));
    const people = [
      { email: '', name: 'Blank' },
      { email: 'not-an-email', name: null },
      { email: 'Known@Example.com', name: null },
      ...batch,
      { email: ' BULK0@example.com ', name: 'Dup' },
      { email: 42 as unknown as string, name: null },
    ];
    const ensured = await ensure(actor, people);
    expect(ensured).toHaveLength(301);
    expect(ensured[0]).toEqual({ email: 'known@example.com', contact_id: existing.id, owner_id: actor.userId, created: false });
    expect(ensured.slice(1).map((e) => e.email)).toEqual(batch.map((p) => p.email));
    expect(ensured.slice(1).every((e) => e.created)).toBe(true);
    expect(await ensure(actor, [{ email: '  ', name: null }])).toEqual([]);
    const count = await db.query(`SELECT count(*)::int AS n FROM records.contacts WHERE account_id = $1`, [actor.accountId]);
    expect(count.rows[0].n).toBe(301);
  });

  it("lists each deal's primary and associated contacts, leaving out other accounts' and missing deals", async () => {
    const actor = await newAccount();
    const [primary, associated, other] = await Promise.all(
      [1, 2, 3].map(() => stack.rpc.request(R.CreateContact, { ...actor, data: factories.person() })),
    );
    const deal = await stack.rpc.request(R.CreateDeal, { ...actor, data: factories.deal({ contact_id: primary.id }) });
    await stack.rpc.request(R.AddAssociatedContact, { ...actor, dealId: deal.id, data: { contact_id: associated.id, role: 'involved' } });
    const bare = await stack.rpc.request(R.CreateDeal, { ...actor, data: factories.deal() });
    const onlyLinked = await stack.rpc.request(R.CreateDeal, { ...actor, data: factories.deal() });
    await stack.rpc.request(R.AddAssociatedContact, { ...actor, dealId: onlyLinked.id, data: { contact_id: other.id, role: 'involved' } });
    const stranger = await newAccount();
    const foreign = await stack.rpc.request(R.CreateDeal, { ...stranger, data: factories.deal() });

    const reply = await stack.rpc.request(R.GetDealContactIds, {
      accountId: actor.accountId,
      dealIds: [deal.id, bare.id, onlyLinked.id, foreign.id, 999_999_999, deal.id],
    });
    expect(reply).toEqual([
      { deal_id: deal.id, contact_ids: [primary.id, associated.id] },
      { deal_id: bare.id, contact_ids: [] },
      { deal_id: onlyLinked.id, contact_ids: [other.id] },
    ]);
  });
});
