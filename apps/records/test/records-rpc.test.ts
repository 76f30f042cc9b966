import { DomainError, ListQuery, RecordsEvents, RecordsRequests as R } from '@crm/contracts';
import { factories, startStack, Stack } from '@crm/testing';
import { connect, StringCodec } from 'nats';
import { recordsService } from '../src/app';

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({ page: 1, perPage: 25, filters: {}, customFields: {}, ...overrides });

describe('records over NATS on Postgres', () => {
  let stack: Stack;
  let actor: { accountId: number; userId: number };

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService] });
    const account = await stack.createAccount();
    actor = { accountId: account.accountId, userId: account.userId };
  });
  afterAll(() => stack?.stop());

  it('verifies the admin token it issued and rejects others', async () => {
    const account = await stack.createAccount('Second');
    const identity = await stack.rpc.request(R.VerifyToken, { token: account.token });
    expect(identity).toMatchObject({ accountId: account.accountId, userId: account.userId, role: 'admin' });
    await expect(stack.rpc.request(R.VerifyToken, { token: 'f'.repeat(64) })).rejects.toMatchObject({ status: 401 });
  });

  it('creates, reads, updates, lists and deletes a lead', async () => {
    const lead = await stack.rpc.request(R.CreateLead, { ...actor, data: factories.lead({ phone: '+1 415 555 0100', tags: ['vip', 'VIP', ' hot '] }) });
    expect(lead).toMatchObject({ owner_id: actor.userId, creator_id: actor.userId, status: 'New', tags: ['vip', 'hot'], organization_name: null });
    const updated = await stack.rpc.request(R.UpdateLead, { ...actor, id: lead.id, data: { tags: ['cold'], title: 'CEO' } });
    expect(updated).toMatchObject({ tags: ['cold'], title: 'CEO', first_name: 'Lena' });
    const page = await stack.rpc.request(R.ListLeads, { ...actor, query: query({ ids: [lead.id] }) });
    expect(page.items.map((l) => l.id)).toEqual([lead.id]);
    const byPhone = await stack.rpc.request(R.FindPartiesByPhone, { accountId: actor.accountId, phones: ['(415) 555-0100'] });
    expect(byPhone).toEqual([expect.objectContaining({ resource_type: 'lead', resource_id: lead.id })]);
    await stack.rpc.request(R.DeleteLead, { ...actor, id: lead.id });
    await expect(stack.rpc.request(R.GetLead, { ...actor, id: lead.id })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses unknown attributes and wrong types with 422 and stores nothing', async () => {
    const before = await stack.rpc.request(R.ListLeads, { ...actor, query: query({ perPage: 100 }) });
    const attempt = stack.rpc.request(R.CreateLead, { ...actor, data: { last_name: 'X', invalid_field: 1, email: 42 } });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    const error = (await attempt.catch((e: DomainError) => e)) as DomainError;
    expect(error.status).toBe(422);
    expect(error.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: '/invalid_field', code: 'unknown' }),
        expect.objectContaining({ field: '/email', code: 'invalid' }),
      ]),
    );
    const after = await stack.rpc.request(R.ListLeads, { ...actor, query: query({ perPage: 100 }) });
    expect(after.items.length).toBe(before.items.length);
  });

  it("never shows another account's records", async () => {
    const other = await stack.createAccount('Other');
    const lead = await stack.rpc.request(R.CreateLead, { ...actor, data: factories.lead() });
    await expect(
      stack.rpc.request(R.GetLead, { accountId: other.accountId, userId: other.userId, id: lead.id }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('creates deals in the default pipeline with decimal values', async () => {
    const contact = await stack.rpc.request(R.CreateContact, { ...actor, data: factories.person() });
    const deal = await stack.rpc.request(R.CreateDeal, { ...actor, data: factories.deal({ contact_id: contact.id, value: 2500.5 }) });
    const stages = await stack.rpc.request(R.ListStages, { ...actor, query: query() });
    expect(stages.items.map((s) => s.category)).toEqual(['incoming', 'qualified', 'quote', 'closure', 'won', 'lost', 'unqualified']);
    expect(deal).toMatchObject({ value: '2500.50', stage_id: stages.items[0].id, contact_id: contact.id, currency: 'USD' });
    const links = await stack.rpc.request(R.ListAssociatedContacts, { ...actor, dealId: deal.id, query: query() });
    expect(links.items).toEqual([expect.objectContaining({ contact_id: contact.id, role: 'involved' })]);
  });

  it('relays each change to JetStream through the outbox', async () => {
    const lead = await stack.rpc.request(R.CreateLead, { ...actor, data: factories.lead() });
    const prefix = stack.runtime('records').subjectPrefix;
    const nc = await connect({ servers: stack.runtime('records').natsUrl });
    try {
      const jsm = await nc.jetstreamManager();
      const stream = `${prefix.replace('.', '')}_CRM_EVENTS`;
      const deadline = Date.now() + 10_000;
      let found = false;
      while (!found && Date.now() < deadline) {
        const info = await jsm.streams.info(stream);
        for (let seq = info.state.first_seq; seq <= info.state.last_seq && !found; seq++) {
          const message = await jsm.streams.getMessage(stream, { seq });
          if (message.subject !== prefix + RecordsEvents.lead.created) continue;
          const payload = JSON.parse(StringCodec().decode(message.data));
          found = payload.id === lead.id && payload.data.last_name === lead.last_name && Boolean(payload.eventId);
          if (found) expect(message.header.get('Nats-Msg-Id')).toBe(payload.eventId);
        }
        if (!found) await new Promise((r) => setTimeout(r, 100));
      }
      expect(found).toBe(true);
    } finally {
      await nc.close();
    }
  });
});
