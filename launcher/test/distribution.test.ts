import { DistributionRequests } from '@crm/contracts';
import { distributionService } from '@crm/distribution';
import { gatewayService } from '@crm/gateway';
import { recordsService } from '@crm/records';
import { factories, startStack, Stack } from '@crm/testing';
import request from 'supertest';

type Api = ReturnType<typeof request>;
type Auth = { Authorization: string };

/** Distribution pools through the gateway, with two distribution replicas on real Postgres + NATS. */
describe('distribution pools', () => {
  let stack: Stack;
  let api: Api;
  let admin: Auth;
  let accountId: number;
  let adminId: number;
  const members: number[] = [];

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, distributionService, gatewayService], replicas: { distribution: 2 } });
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    admin = account.auth;
    accountId = account.accountId;
    adminId = account.userId;
    for (let i = 0; i < 7; i++) members.push((await api.post('/v2/users').set(admin).send({ data: factories.user() }).expect(200)).body.data.id);
  });
  afterAll(() => stack?.stop());

  const pool = async (resourceType: string, users: { user_id: number; weight?: number; paused?: boolean; daily_cap?: number }[]) =>
    (await api.post('/v2/distribution_pools').set(admin).send({ data: { name: `Pool ${Math.random()}`, resource_type: resourceType, members: users } }).expect(200))
      .body.data;
  const owners = async (poolId: number, n: number) => {
    const result: number[] = [];
    for (let i = 0; i < n; i++) result.push((await api.post(`/v2/distribution_pools/${poolId}/next_owner`).set(admin).expect(200)).body.data.user_id);
    return result;
  };

  it('assigns leads in order, continuing after the last one, and logs why', async () => {
    const leads = await pool('lead', members.slice(0, 3).map((user_id) => ({ user_id })));
    const created = [];
    for (let i = 0; i < 4; i++) {
      created.push((await api.post('/v2/leads').set(admin).send({ data: factories.lead({ owner_pool_id: leads.id }) }).expect(200)).body.data);
    }
    expect(created.map((l) => l.owner_id)).toEqual([members[0], members[1], members[2], members[0]]);
    const edited = await api.put(`/v2/leads/${created[0].id}`).set(admin).send({ data: { owner_pool_id: leads.id } }).expect(200);
    expect(edited.body.data.owner_id).toBe(members[1]);

    await eventually(async () => {
      const log = await api.get('/v2/distribution_assignments').query({ resource_type: 'lead', resource_id: created[2].id }).set(admin).expect(200);
      return log.body.items.length === 1 && log.body.items[0].data.user_id === members[2] && /next in order/.test(log.body.items[0].data.reason);
    });
  });

  it('offers a pool only for its own record type and refuses empty or unavailable pools with 409', async () => {
    const deals = await pool('deal', [{ user_id: members[0] }]);
    const wrong = await api.post('/v2/leads').set(admin).send({ data: factories.lead({ owner_pool_id: deals.id }) }).expect(422);
    expect(wrong.body.errors[0].error.field).toBe('/owner_pool_id');
    await api.post('/v2/leads').set(admin).send({ data: factories.lead({ owner_pool_id: 999999 }) }).expect(422);
    await api.post('/v2/leads').set(admin).send({ data: factories.lead({ owner_id: adminId, owner_pool_id: deals.id }) }).expect(422);

    const empty = await pool('lead', []);
    const before = (await api.get('/v2/leads').query({ per_page: 100 }).set(admin)).body.items.length;
    const refused = await api.post('/v2/leads').set(admin).send({ data: factories.lead({ owner_pool_id: empty.id }) }).expect(409);
    expect(refused.body.errors[0].error.message).toMatch(/no members/);
    expect((await api.get('/v2/leads').query({ per_page: 100 }).set(admin)).body.items.length).toBe(before);

    const away = await pool('lead', [{ user_id: members[0], paused: true }]);
    expect((await api.post(`/v2/distribution_pools/${away.id}/next_owner`).set(admin).expect(409)).body.errors[0].error.message).toMatch(/inactive or away/);
  });

  it('skips paused members, honours weights and daily caps, then says every member is at cap', async () => {
    const paused = await pool('contact', [{ user_id: members[0] }, { user_id: members[1], paused: true }, { user_id: members[2] }]);
    expect(await owners(paused.id, 4)).toEqual([members[0], members[2], members[0], members[2]]);

    const weighted = await pool('contact', [{ user_id: members[3], weight: 2 }, { user_id: members[4] }]);
    const picks = await owners(weighted.id, 6);
    expect(picks.filter((u) => u === members[3])).toHaveLength(4);

    const capped = await pool('contact', [{ user_id: members[5], daily_cap: 1 }, { user_id: members[6], daily_cap: 2 }]);
    expect(await owners(capped.id, 3)).toEqual([members[5], members[6], members[6]]);
    const full = await api.post(`/v2/distribution_pools/${capped.id}/next_owner`).set(admin).expect(409);
    expect(full.body.errors[0].error.message).toMatch(/daily cap/);
    const state = (await api.get(`/v2/distribution_pools/${capped.id}`).set(admin)).body.data.members;
    expect(state.map((m: { assigned_today: number }) => m.assigned_today)).toEqual([1, 2]);
  });

  it('skips a deactivated user and stops at once giving to a removed member', async () => {
    const p = await pool('lead', [{ user_id: members[0] }, { user_id: members[1] }]);
    await api.put(`/v2/users/${members[1]}`).set(admin).send({ data: { status: 'inactive' } }).expect(200);
    await eventually(async () => (await owners(p.id, 2)).every((u) => u === members[0]));
    await api.put(`/v2/users/${members[1]}`).set(admin).send({ data: { status: 'active' } }).expect(200);

    await api.put(`/v2/distribution_pools/${p.id}`).set(admin).send({ data: { members: [{ user_id: members[2] }] } }).expect(200);
    expect(await owners(p.id, 3)).toEqual([members[2], members[2], members[2]]);
  });

  it('a member removed while assignments run: every assignment succeeds, none goes to them afterwards', async () => {
    const p = await pool('lead', members.slice(0, 4).map((user_id) => ({ user_id })));
    const during = Array.from({ length: 60 }, () => api.post(`/v2/distribution_pools/${p.id}/next_owner`).set(admin));
    const removal = api.put(`/v2/distribution_pools/${p.id}`).set(admin).send({ data: { members: members.slice(0, 3).map((user_id) => ({ user_id })) } });
    const responses = await Promise.all([...during, removal]);
    expect(responses.map((r) => r.status).filter((status) => status !== 200)).toEqual([]);
    expect(await owners(p.id, 12)).not.toContain(members[3]);
  });

  it('stays exact under parallel single and bulk assignments across two replicas', async () => {
    const p = await pool('lead', members.map((user_id) => ({ user_id })));
    const singles = Array.from({ length: 140 }, () => api.post(`/v2/distribution_pools/${p.id}/next_owner`).set(admin).expect(200));
    const bulks = Array.from({ length: 6 }, (_, i) =>
      stack.rpc.request(DistributionRequests.NextOwners, { accountId, userId: adminId, poolId: p.id, resourceTypes: ['lead'], count: 5 + i, source: 'test' }),
    );
    const [singleReplies, bulkReplies] = await Promise.all([Promise.all(singles), Promise.all(bulks)]);
    const counts = new Map<number, number>();
    for (const owner of [...singleReplies.map((r) => r.body.data.user_id), ...bulkReplies.flatMap((r) => r.ownerIds)]) {
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...members].sort());
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it('lead conversion with a pool gives the contact and the deal to the same next user', async () => {
    const contactPool = await pool('contact', [{ user_id: members[3] }, { user_id: members[4] }]);
    const dealPool = await pool('deal', [{ user_id: members[5] }]);
    const lead = (await api.post('/v2/leads').set(admin).send({ data: factories.lead() }).expect(200)).body.data;
    const converted = (
      await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: lead.id, create_deal: true, owner_pool_id: contactPool.id } }).expect(200)
    ).body.data;
    const contactOwner = (await api.get(`/v2/contacts/${converted.individual_id}`).set(admin)).body.data.owner_id;
    expect([members[3], members[4]]).toContain(contactOwner);
    expect((await api.get(`/v2/deals/${converted.deal_id}`).set(admin)).body.data.owner_id).toBe(contactOwner);

    const other = (await api.post('/v2/leads').set(admin).send({ data: factories.lead() }).expect(200)).body.data;
    await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: other.id, owner_pool_id: dealPool.id } }).expect(422);
    const withDeal = (
      await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: other.id, create_deal: true, owner_pool_id: dealPool.id } }).expect(200)
    ).body.data;
    expect((await api.get(`/v2/deals/${withDeal.deal_id}`).set(admin)).body.data.owner_id).toBe(members[5]);
  });

  it('reassigns a smart list through a pool: every record, in order, as a job', async () => {
    const p = await pool('lead', members.slice(0, 3).map((user_id) => ({ user_id })));
    const tag = `batch-${Date.now()}`;
    const leads = [];
    for (let i = 0; i < 7; i++) leads.push((await api.post('/v2/leads').set(admin).send({ data: factories.lead({ tags: [tag] }) }).expect(200)).body.data);
    const list = (await api.post('/v2/smart_lists').set(admin).send({ data: { name: 'Batch', resource_type: 'lead', filters: { tags: [tag] } } }).expect(200)).body.data;

    const dealPool = await pool('deal', [{ user_id: members[0] }]);
    await api.post(`/v2/smart_lists/${list.id}/bulk_actions`).set(admin).send({ data: { action: 'reassign_owner', owner_pool_id: dealPool.id } }).expect(422);
    await api.post(`/v2/smart_lists/${list.id}/bulk_actions`).set(admin).send({ data: { action: 'reassign_owner', owner_pool_id: p.id, owner_id: adminId } }).expect(422);

    const job = (await api.post(`/v2/smart_lists/${list.id}/bulk_actions`).set(admin).send({ data: { action: 'reassign_owner', owner_pool_id: p.id } }).expect(202)).body.data;
    expect(job).toMatchObject({ owner_pool_id: p.id, total: 7 });
    await eventually(async () => (await api.get(`/v2/jobs/${job.id}`).set(admin)).body.data.status === 'completed');
    const owners = [];
    for (const lead of leads) owners.push((await api.get(`/v2/leads/${lead.id}`).set(admin)).body.data.owner_id);
    const rotation = members.slice(0, 3);
    expect(owners).toEqual(leads.map((_, i) => rotation[i % 3]));

    const empty = await pool('lead', []);
    const failing = (await api.post(`/v2/smart_lists/${list.id}/bulk_actions`).set(admin).send({ data: { action: 'reassign_owner', owner_pool_id: empty.id } }).expect(202)).body.data;
    await eventually(async () => (await api.get(`/v2/jobs/${failing.id}`).set(admin)).body.data.status === 'failed');
    expect((await api.get(`/v2/jobs/${failing.id}`).set(admin)).body.data.error).toMatch(/no members/);
    expect((await api.get(`/v2/leads/${leads[0].id}`).set(admin)).body.data.owner_id).toBe(rotation[0]);
  });

  it("API clients that give no owner get the account's default for the API: a pool or a user", async () => {
    const p = await pool('contact', [{ user_id: members[1] }, { user_id: members[2] }]);
    const rep = (await api.post('/v2/users').set(admin).send({ data: factories.user() }).expect(200)).body.data;
    const token = (await api.post(`/v2/users/${rep.id}/tokens`).set(admin).send({ data: {} }).expect(201)).body.data.access_token;
    const asRep = { Authorization: `Bearer ${token}` };

    await api.put('/v2/integration_owners/api/contact').set(asRep).send({ data: { owner_pool_id: p.id } }).expect(403);
    await api.put('/v2/integration_owners/api/contact').set(admin).send({ data: { owner_pool_id: p.id, owner_id: adminId } }).expect(422);
    await api.put('/v2/integration_owners/fax/contact').set(admin).send({ data: { owner_id: adminId } }).expect(404);
    await api.put('/v2/integration_owners/api/contact').set(admin).send({ data: { owner_pool_id: p.id } }).expect(200);
    const listed = (await api.get('/v2/integration_owners').set(admin).expect(200)).body.items.map((i: { data: unknown }) => i.data);
    expect(listed).toEqual([expect.objectContaining({ integration: 'api', resource_type: 'contact', owner_pool_id: p.id, owner_id: null })]);

    // A sales rep may not reassign, but the account's own default decides here, not the rep.
    const first = (await api.post('/v2/contacts').set(admin).send({ data: factories.person() }).expect(200)).body.data;
    const second = (await api.post('/v2/contacts').set(admin).send({ data: factories.person() }).expect(200)).body.data;
    expect([first.owner_id, second.owner_id]).toEqual([members[1], members[2]]);
    const explicit = (await api.post('/v2/contacts').set(admin).send({ data: factories.person({ owner_id: adminId }) }).expect(200)).body.data;
    expect(explicit.owner_id).toBe(adminId);

    await api.put('/v2/integration_owners/api/contact').set(admin).send({ data: { owner_id: members[3] } }).expect(200);
    expect((await api.post('/v2/contacts').set(asRep).send({ data: factories.person() }).expect(200)).body.data.owner_id).toBe(members[3]);
    await api.put('/v2/integration_owners/api/contact').set(admin).send({ data: { owner_id: null, owner_pool_id: null } }).expect(200);
    expect((await api.post('/v2/contacts').set(asRep).send({ data: factories.person() }).expect(200)).body.data.owner_id).toBe(rep.id);
  });

  it('only users with the reassign right may use a pool; only settings managers may change pools', async () => {
    const p = await pool('lead', [{ user_id: members[0] }]);
    const rep = (await api.post('/v2/users').set(admin).send({ data: factories.user() }).expect(200)).body.data;
    const token = (await api.post(`/v2/users/${rep.id}/tokens`).set(admin).send({ data: {} }).expect(201)).body.data.access_token;
    const asRep = { Authorization: `Bearer ${token}` };
    await api.post('/v2/leads').set(asRep).send({ data: factories.lead({ owner_pool_id: p.id }) }).expect(403);
    await api.post('/v2/distribution_pools').set(asRep).send({ data: { name: 'Mine', resource_type: 'lead' } }).expect(403);
    await api.put(`/v2/distribution_pools/${p.id}`).set(asRep).send({ data: { name: 'Renamed' } }).expect(403);
    await api.get(`/v2/distribution_pools/${p.id}`).set(asRep).expect(200);
    await api.post('/v2/distribution_pools').set(admin).send({ data: { name: 'Bad', resource_type: 'lead', members: [{ user_id: 999999 }] } }).expect(422);
    await api.post('/v2/distribution_pools').set(admin).send({ data: { name: 'Bad', resource_type: 'task' } }).expect(422);
  });
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
