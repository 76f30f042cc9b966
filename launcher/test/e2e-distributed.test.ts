import { SERVICE_NAMES } from '@crm/contracts';
import { factories, ProcessStack, startProcessStack } from '@crm/testing';
import * as path from 'node:path';
import request from 'supertest';

/** The whole API through the gateway, with all six services as separate processes on Postgres + NATS JetStream. */
describe('Sell v2 API end to end (six processes)', () => {
  let stack: ProcessStack;
  let api: ReturnType<typeof request>;
  let auth: { Authorization: string };
  let admin: { accountId: number; userId: number };

  beforeAll(async () => {
    stack = await startProcessStack(path.resolve(__dirname, '../..'), [...SERVICE_NAMES]);
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    auth = account.auth;
    admin = { accountId: account.accountId, userId: account.userId };
  }, 120_000);
  afterAll(() => stack?.stop());

  it('every service answers /health/ready and /metrics', async () => {
    for (const service of SERVICE_NAMES) {
      const port = stack.ports[service];
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect({ service, status: ready.status }).toEqual({ service, status: 200 });
      expect(await ready.json()).toMatchObject({ status: 'ok' });
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(await metrics.text()).toContain('process_cpu_user_seconds_total');
    }
  });

  it('serves the account, the current user and the OpenAPI document', async () => {
    const account = await api.get('/v2/accounts/self').set(auth).expect(200);
    expect(account.body).toMatchObject({ data: { id: admin.accountId }, meta: { type: 'account' } });
    const self = await api.get('/v2/users/self').set(auth).expect(200);
    expect(self.body.data).toMatchObject({ id: admin.userId, role: 'admin', status: 'active' });
    const docs = await api.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v2/leads', '/v2/deals/{id}']));
  });

  it('creates, reads, lists, updates and deletes a lead in Sell envelopes', async () => {
    const created = await api.post('/v2/leads').set(auth).send({ data: factories.lead({ tags: ['vip'] }) }).expect(200);
    expect(created.body.meta).toEqual({ type: 'lead' });
    const lead = created.body.data;
    expect(lead).toMatchObject({ owner_id: admin.userId, tags: ['vip'], address: null });

    const read = await api.get(`/v2/leads/${lead.id}`).set(auth).expect(200);
    expect(read.body.data).toEqual(lead);

    const updated = await api.put(`/v2/leads/${lead.id}`).set(auth).send({ data: { tags: ['cold', 'b2b'], title: 'CTO' } }).expect(200);
    expect(updated.body.data).toMatchObject({ tags: ['cold', 'b2b'], title: 'CTO' });

    const list = await api.get('/v2/leads').query({ ids: String(lead.id) }).set(auth).expect(200);
    expect(list.body.meta).toMatchObject({ type: 'collection', count: 1 });
    expect(list.body.items[0]).toEqual({ data: updated.body.data, meta: { type: 'lead' } });

    const deleted = await api.delete(`/v2/leads/${lead.id}`).set(auth).expect(204);
    expect(deleted.text).toBe('');
    await api.get(`/v2/leads/${lead.id}`).set(auth).expect(404);
  });

  it('pages with per_page and links, and filters', async () => {
    const owner = (await api.post('/v2/users').set(auth).send({ data: factories.user() }).expect(200)).body.data;
    for (let i = 0; i < 5; i++) {
      await api.post('/v2/leads').set(auth).send({ data: factories.lead({ owner_id: owner.id, address: { city: 'Lisbon' } }) }).expect(200);
    }
    const first = await api.get('/v2/leads').query({ owner_id: owner.id, per_page: 2, sort_by: 'id:desc' }).set(auth).expect(200);
    expect(first.body.meta.count).toBe(2);
    expect(first.body.meta.links.next_page).toContain('page=2');
    const last = await api.get('/v2/leads').query({ owner_id: owner.id, per_page: 2, page: 3 }).set(auth).expect(200);
    expect(last.body.items).toHaveLength(1);
    expect(last.body.meta.links.next_page).toBeUndefined();
    const byCity = await api.get('/v2/leads').query({ 'address[city]': 'lisbon', per_page: 100 }).set(auth).expect(200);
    expect(byCity.body.items.length).toBeGreaterThanOrEqual(5);
  });

  it('searches leads, contacts and deals by free text (q): anywhere in names, company, email and phones, any case', async () => {
    const ids = async (path: string, query: Record<string, string | number>) =>
      ((await api.get(path).query({ per_page: 100, ...query }).set(auth).expect(200)).body.items as { data: { id: number } }[]).map((item) => item.data.id).sort();
    const lead = async (data: Record<string, unknown>) => (await api.post('/v2/leads').set(auth).send({ data }).expect(200)).body.data.id as number;
    const zebulon = await lead({ first_name: 'Zebulon', last_name: 'Quarrington', organization_name: 'Acme Widgets', email: 'zq@zebu.example', phone: '+1 415 555 0199' });
    const wildcard = await lead({ last_name: 'Quarrington 100%_sure' });
    await lead({ last_name: 'Unrelated', email: 'someone@else.example' });

    expect(await ids('/v2/leads', { q: 'QUARR' })).toEqual([zebulon, wildcard].sort());
    expect(await ids('/v2/leads', { q: 'acme widg' })).toEqual([zebulon]);
    expect(await ids('/v2/leads', { q: '@zebu.EXAMPLE' })).toEqual([zebulon]);
    expect(await ids('/v2/leads', { q: '4155550199' })).toEqual([zebulon]); // the number as E.164
    expect(await ids('/v2/leads', { q: '0%_' })).toEqual([wildcard]); // LIKE's wildcards are plain text
    expect(await ids('/v2/leads', { q: '%%%' })).toEqual([]);
    expect(await ids('/v2/leads', { q: 'quarrington', owner_id: admin.userId, ids: `${zebulon}` })).toEqual([zebulon]);

    const person = (await api.post('/v2/contacts').set(auth).send({ data: { first_name: 'Ophelia', last_name: 'Quarrington' } }).expect(200)).body.data.id;
    const company = (await api.post('/v2/contacts').set(auth).send({ data: { is_organization: true, name: 'Quarrington Holdings' } }).expect(200)).body.data.id;
    expect(await ids('/v2/contacts', { q: 'quarrington' })).toEqual([person, company].sort());
    expect(await ids('/v2/contacts', { q: 'holdings', is_organization: 'true' })).toEqual([company]);
    const deal = (await api.post('/v2/deals').set(auth).send({ data: { name: 'Quarrington renewal', contact_id: company } }).expect(200)).body.data.id;
    expect(await ids('/v2/deals', { q: 'RENEWAL' })).toEqual([deal]);

    for (const q of ['ab', '  ab  ', 'x'.repeat(201)]) {
      const refused = await api.get('/v2/leads').query({ q }).set(auth).expect(400);
      expect(refused.body.errors[0].error).toMatchObject({ code: 'invalid_param', field: '/q' });
    }
    expect((await api.get('/v2/users').query({ q: 'quarrington' }).set(auth).expect(400)).body.errors[0].error.code).toBe('invalid_param');
  });

  it('manages contacts, deals, associated contacts, pipelines and stages', async () => {
    const org = (await api.post('/v2/contacts').set(auth).send({ data: factories.organization() }).expect(200)).body.data;
    const person = (
      await api.post('/v2/contacts').set(auth).send({ data: factories.person({ contact_id: org.id }) }).expect(200)
    ).body.data;
    expect(person).toMatchObject({ contact_id: org.id, is_organization: false, customer_status: 'none' });

    const stages = (await api.get('/v2/stages').set(auth).expect(200)).body.items.map((i: { data: unknown }) => i.data);
    expect(stages.map((s: { category: string }) => s.category)).toEqual(['incoming', 'qualified', 'quote', 'closure', 'won', 'lost', 'unqualified']);
    const pipelines = (await api.get('/v2/pipelines').set(auth).expect(200)).body.items;
    expect(pipelines).toHaveLength(1);

    const deal = (await api.post('/v2/deals').set(auth).send({ data: { name: 'Big one', value: '1000', contact_id: person.id } }).expect(200)).body.data;
    expect(deal).toMatchObject({ value: '1000.00', contact_id: person.id, organization_id: org.id, stage_id: stages[0].id, hot: false });

    const moved = (await api.put(`/v2/deals/${deal.id}`).set(auth).send({ data: { stage_id: stages[4].id, value: 1250.5 } }).expect(200)).body.data;
    expect(moved).toMatchObject({ stage_id: stages[4].id, value: '1250.50', last_stage_change_by_id: admin.userId });

    const other = (await api.post('/v2/contacts').set(auth).send({ data: factories.person() }).expect(200)).body.data;
    await api.post(`/v2/deals/${deal.id}/associated_contacts`).set(auth).send({ data: { contact_id: other.id, role: 'decision maker' } }).expect(200);
    const associated = await api.get(`/v2/deals/${deal.id}/associated_contacts`).set(auth).expect(200);
    expect(associated.body.items.map((i: { data: { contact_id: number } }) => i.data.contact_id).sort()).toEqual([person.id, other.id].sort());
    await api.delete(`/v2/deals/${deal.id}/associated_contacts/${other.id}`).set(auth).expect(204);
  });

  it('keeps tags, sources, loss reasons and custom fields, and filters by custom field', async () => {
    const source = (await api.post('/v2/lead_sources').set(auth).send({ data: { name: 'Website' } }).expect(200)).body.data;
    await api.post('/v2/tags').set(auth).send({ data: { name: 'partner', resource_type: 'lead' } }).expect(200);
    await api.post('/v2/loss_reasons').set(auth).send({ data: { name: 'Too expensive' } }).expect(200);
    await api.post('/v2/leads/custom_fields').set(auth).send({ data: { name: 'Tier', type: 'list', choices: ['Gold', 'Silver'] } }).expect(200);
    const fields = await api.get('/v2/leads/custom_fields').set(auth).expect(200);
    expect(fields.body.items.map((i: { data: { name: string } }) => i.data.name)).toContain('Tier');

    const lead = (
      await api.post('/v2/leads').set(auth).send({ data: factories.lead({ source_id: source.id, custom_fields: { Tier: 'Gold' } }) }).expect(200)
    ).body.data;
    expect(lead.custom_fields).toEqual({ Tier: 'Gold' });
    const gold = await api.get('/v2/leads').query({ 'custom_fields[Tier]': 'Gold' }).set(auth).expect(200);
    expect(gold.body.items.map((i: { data: { id: number } }) => i.data.id)).toEqual([lead.id]);

    const wrong = await api.put(`/v2/leads/${lead.id}`).set(auth).send({ data: { custom_fields: { Tier: 'Bronze' } } }).expect(422);
    expect(wrong.body.errors[0].error).toMatchObject({ field: '/custom_fields/Tier', code: 'invalid' });
    expect((await api.get(`/v2/leads/${lead.id}`).set(auth)).body.data.custom_fields).toEqual({ Tier: 'Gold' });
  });

  it('lets an admin add users and issue and revoke their tokens; deactivation blocks tokens', async () => {
    const user = (await api.post('/v2/users').set(auth).send({ data: factories.user() }).expect(200)).body.data;
    const issued = await api.post(`/v2/users/${user.id}/tokens`).set(auth).send({ data: { name: 'zapier' } }).expect(201);
    const token: string = issued.body.data.access_token;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const asUser = { Authorization: `Bearer ${token}` };
    expect((await api.get('/v2/users/self').set(asUser).expect(200)).body.data.id).toBe(user.id);
    await api.post('/v2/users').set(asUser).send({ data: factories.user() }).expect(403);

    const tokens = await api.get(`/v2/users/${user.id}/tokens`).set(auth).expect(200);
    expect(JSON.stringify(tokens.body)).not.toContain(token);

    await api.put(`/v2/users/${user.id}`).set(auth).send({ data: { status: 'inactive' } }).expect(200);
    await waitForStatus(() => api.get('/v2/users/self').set(asUser), 401);

    const second = (await api.post(`/v2/users/${admin.userId}/tokens`).set(auth).send({ data: {} }).expect(201)).body.data;
    await api.delete(`/v2/users/${admin.userId}/tokens/${second.id}`).set(auth).expect(204);
    await waitForStatus(() => api.get('/v2/users/self').set({ Authorization: `Bearer ${second.access_token}` }), 401);
  });

  describe('bad input changes nothing', () => {
    const countLeads = async () => (await api.get('/v2/leads').query({ per_page: 100 }).set(auth)).body.items.length;

    it('401 without a token or with a wrong one', async () => {
      const none = await api.get('/v2/leads').expect(401);
      expect(none.body.meta).toMatchObject({ type: 'errors', http_status: '401 Unauthorized' });
      await api.get('/v2/leads').set({ Authorization: 'Bearer nope' }).expect(401);
      await api.get('/v2/leads').set({ Authorization: `Bearer ${'a'.repeat(64)}` }).expect(401);
    });

    it('422 unknown attribute, wrong type, missing required field', async () => {
      const before = await countLeads();
      const unknown = await api.post('/v2/leads').set(auth).send({ data: { last_name: 'X', invalid_field: 1 } }).expect(422);
      expect(unknown.body.errors[0].error).toMatchObject({ resource: 'lead', field: '/invalid_field', code: 'unknown' });
      expect(unknown.body.meta.logref).toBeTruthy();
      await api.post('/v2/leads').set(auth).send({ data: { last_name: 42 } }).expect(422);
      await api.post('/v2/leads').set(auth).send({ data: { first_name: 'No last name' } }).expect(422);
      await api.post('/v2/deals').set(auth).send({ unknown: 'attribute' }).expect(422);
      await api.post('/v2/deals').set(auth).send({ data: { name: 'X', stage_id: 999999 } }).expect(422);
      await api.post('/v2/deals').set(auth).send({ data: { name: 'X', value: 'lots' } }).expect(422);
      expect(await countLeads()).toBe(before);
    });

    it('400 unknown query parameter, 422 per_page over 100', async () => {
      const bad = await api.get('/v2/users/self').query({ unknown: 'param' }).set(auth).expect(400);
      expect(bad.body.errors[0].error.code).toBe('invalid_param');
      await api.get('/v2/leads').query({ per_page: 101 }).set(auth).expect(422);
    });

    it("404 for another account's record", async () => {
      const lead = (await api.post('/v2/leads').set(auth).send({ data: factories.lead() }).expect(200)).body.data;
      const other = await stack.createAccount('Someone else');
      await api.get(`/v2/leads/${lead.id}`).set(other.auth).expect(404);
      await api.put(`/v2/leads/${lead.id}`).set(other.auth).send({ data: { title: 'hijack' } }).expect(404);
      await api.delete(`/v2/leads/${lead.id}`).set(other.auth).expect(404);
      expect((await api.get(`/v2/leads/${lead.id}`).set(auth).expect(200)).body.data.title).toBeNull();
    });

    it('413 for a body over 1 MiB, 400 for malformed JSON', async () => {
      const before = await countLeads();
      const big = await api.post('/v2/leads').set(auth).send({ data: { last_name: 'x'.repeat(1024 * 1024 + 10) } }).expect(413);
      expect(big.body.meta.type).toBe('errors');
      await api.post('/v2/leads').set(auth).set('Content-Type', 'application/json').send('{"data": {').expect(400);
      expect(await countLeads()).toBe(before);
    });
  });
});

/** Token checks are cached by the gateway, which drops them when it hears of the revocation. */
async function waitForStatus(send: () => PromiseLike<{ status: number }>, status: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await send();
    if (response.status === status) return;
    if (Date.now() > deadline) throw new Error(`expected ${status}, still ${response.status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
