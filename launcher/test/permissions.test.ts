import { factories, startStack, Stack } from '@crm/testing';
import { gatewayService } from '@crm/gateway';
import { recordsService } from '@crm/records';
import request from 'supertest';

type Api = ReturnType<typeof request>;
type Auth = { Authorization: string };
type RoleName = 'admin' | 'manager' | 'rep';

/**
 * Every mutating endpoint for each default role: Admin (everything), Manager (reassign, delete,
 * see all), Sales rep (own records only, no reassigning, no deleting, no settings).
 */
describe('roles and permissions', () => {
  let stack: Stack;
  let api: Api;
  const auth = {} as Record<RoleName, Auth>;
  const userId = {} as Record<RoleName, number>;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, gatewayService] });
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    auth.admin = account.auth;
    userId.admin = account.userId;
    const roles = (await api.get('/v2/roles').set(auth.admin).expect(200)).body.items.map((i: { data: { id: number; name: string } }) => i.data);
    const roleId = (name: string) => roles.find((r: { name: string }) => r.name === name).id;
    for (const [role, name] of [['manager', 'Manager'], ['rep', 'Sales rep']] as const) {
      const user = (await api.post('/v2/users').set(auth.admin).send({ data: factories.user({ role_id: roleId(name) }) }).expect(200)).body.data;
      const token = (await api.post(`/v2/users/${user.id}/tokens`).set(auth.admin).send({ data: {} }).expect(201)).body.data.access_token;
      auth[role] = { Authorization: `Bearer ${token}` };
      userId[role] = user.id;
    }
  });
  afterAll(() => stack?.stop());

  const leadOf = async (owner: RoleName) =>
    (await api.post('/v2/leads').set(auth.admin).send({ data: factories.lead({ owner_id: userId[owner] }) }).expect(200)).body.data;

  it('the default roles carry Sell-style permissions and Sell roles', async () => {
    const users = (await api.get('/v2/users').set(auth.admin).expect(200)).body.items.map((i: { data: { id: number; role: string } }) => i.data);
    expect(users.find((u: { id: number }) => u.id === userId.admin).role).toBe('admin');
    expect(users.find((u: { id: number }) => u.id === userId.rep).role).toBe('user');
  });

  it.each([
    ['admin', 200],
    ['manager', 200],
    ['rep', 200],
  ] as const)('%s creates a lead for themself (%i)', async (role, status) => {
    await api.post('/v2/leads').set(auth[role]).send({ data: factories.lead() }).expect(status);
  });

  it.each([
    ['admin', 200],
    ['manager', 200],
    ['rep', 403],
  ] as const)('%s creates a lead for someone else (%i)', async (role, status) => {
    const other = role === 'admin' ? userId.manager : userId.admin;
    const response = await api.post('/v2/leads').set(auth[role]).send({ data: factories.lead({ owner_id: other }) }).expect(status);
    if (status === 403) expect(response.body.errors[0].error.code).toBe('forbidden');
  });

  it.each([
    ['admin', 200],
    ['manager', 200],
    ['rep', 403],
  ] as const)('%s reassigns a lead they can see (%i), and nothing changes when refused', async (role, status) => {
    const lead = await leadOf(role);
    await api.put(`/v2/leads/${lead.id}`).set(auth[role]).send({ data: { owner_id: userId.admin === userId[role] ? userId.rep : userId.admin } }).expect(status);
    if (status === 403) expect((await api.get(`/v2/leads/${lead.id}`).set(auth.admin)).body.data.owner_id).toBe(userId[role]);
  });

  it.each([
    ['admin', 204],
    ['manager', 204],
    ['rep', 403],
  ] as const)('%s deletes their own lead, contact and deal (%i)', async (role, status) => {
    const lead = await leadOf(role);
    await api.delete(`/v2/leads/${lead.id}`).set(auth[role]).expect(status);
    const contact = (await api.post('/v2/contacts').set(auth[role]).send({ data: factories.person() }).expect(200)).body.data;
    await api.delete(`/v2/contacts/${contact.id}`).set(auth[role]).expect(status);
    const deal = (await api.post('/v2/deals').set(auth[role]).send({ data: factories.deal() }).expect(200)).body.data;
    await api.delete(`/v2/deals/${deal.id}`).set(auth[role]).expect(status);
  });

  it("a sales rep sees only their own records: others' are 404 and missing from lists", async () => {
    const theirs = await leadOf('admin');
    const own = await leadOf('rep');
    await api.get(`/v2/leads/${theirs.id}`).set(auth.rep).expect(404);
    await api.put(`/v2/leads/${theirs.id}`).set(auth.rep).send({ data: { title: 'x' } }).expect(404);
    await api.delete(`/v2/leads/${theirs.id}`).set(auth.rep).expect(404);
    await api.post('/v2/notes').set(auth.rep).send({ data: { content: 'x', resource_type: 'lead', resource_id: theirs.id } }).expect(422);
    const ids = (await api.get('/v2/leads').query({ per_page: 100 }).set(auth.rep).expect(200)).body.items.map((i: { data: { id: number } }) => i.data.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(theirs.id);
    await api.get(`/v2/leads/${own.id}`).set(auth.manager).expect(200);
  });

  it.each([
    ['admin', 200, 200],
    ['manager', 403, 200],
    ['rep', 403, 200],
  ] as const)('%s changes settings (%i) and adds tags (%i)', async (role, settings, tags) => {
    const n = Math.random().toString(36).slice(2, 8);
    await api.post('/v2/lead_sources').set(auth[role]).send({ data: { name: `Source ${n}` } }).expect(settings);
    await api.post('/v2/loss_reasons').set(auth[role]).send({ data: { name: `Reason ${n}` } }).expect(settings);
    await api.post('/v2/contacts/custom_fields').set(auth[role]).send({ data: { name: `Field ${n}`, type: 'string' } }).expect(settings);
    const tag = (await api.post('/v2/tags').set(auth[role]).send({ data: { name: `tag ${n}`, resource_type: 'lead' } }).expect(tags)).body.data;
    await api.put(`/v2/tags/${tag.id}`).set(auth[role]).send({ data: { name: `tag ${n} renamed` } }).expect(settings);
    await api.delete(`/v2/tags/${tag.id}`).set(auth[role]).expect(settings === 200 ? 204 : 403);
  });

  it.each([
    ['admin', 200],
    ['manager', 403],
    ['rep', 403],
  ] as const)('%s manages users, roles, groups and other users\' tokens (%i)', async (role, status) => {
    const deny = status === 403;
    await api.post('/v2/users').set(auth[role]).send({ data: factories.user() }).expect(status);
    await api.put(`/v2/users/${userId.rep}`).set(auth[role]).send({ data: { timezone: 'Europe/Rome' } }).expect(role === 'rep' ? 403 : status);
    await api.post(`/v2/users/${userId.admin === userId[role] ? userId.rep : userId.admin}/tokens`).set(auth[role]).send({ data: {} }).expect(deny ? 403 : 201);
    await api.post(`/v2/users/${userId[role]}/tokens`).set(auth[role]).send({ data: {} }).expect(201);
    const n = Math.random().toString(36).slice(2, 8);
    await api.post('/v2/roles').set(auth[role]).send({ data: { name: `Role ${n}`, permissions: ['see_all_records'] } }).expect(status);
    await api.post('/v2/groups').set(auth[role]).send({ data: { name: `Team ${n}` } }).expect(status);
  });

  it('a custom role grants exactly its permissions, and deactivation blocks the user at once on this gateway', async () => {
    const role = (await api.post('/v2/roles').set(auth.admin).send({ data: { name: 'Auditor', permissions: ['see_all_records'] } }).expect(200)).body.data;
    const group = (await api.post('/v2/groups').set(auth.admin).send({ data: { name: 'Audit' } }).expect(200)).body.data;
    const user = (await api.post('/v2/users').set(auth.admin).send({ data: factories.user({ role_id: role.id, group_id: group.id }) }).expect(200)).body.data;
    expect((await api.get(`/v2/groups/${group.id}`).set(auth.admin)).body.data.user_ids).toEqual([user.id]);
    const token = (await api.post(`/v2/users/${user.id}/tokens`).set(auth.admin).send({ data: {} }).expect(201)).body.data.access_token;
    const auditor = { Authorization: `Bearer ${token}` };
    const lead = await leadOf('admin');
    await api.get(`/v2/leads/${lead.id}`).set(auditor).expect(200);
    await api.delete(`/v2/leads/${lead.id}`).set(auditor).expect(403);
    await api.delete(`/v2/roles/${role.id}`).set(auth.admin).expect(409);

    await api.put(`/v2/users/${user.id}`).set(auth.admin).send({ data: { status: 'inactive' } }).expect(200);
    await api.get('/v2/users/self').set(auditor).expect(401);
    expect((await api.get(`/v2/leads/${lead.id}`).set(auth.admin).expect(200)).body.data.id).toBe(lead.id);
  });
});
