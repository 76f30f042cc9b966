import { factories, startStack, Stack } from '@crm/testing';
import request from 'supertest';

type Api = ReturnType<typeof request>;
type Auth = { Authorization: string };
interface LeadForm {
  id: number;
  token: string;
  embed_html: string;
}

/** Public lead-capture forms end to end: admin CRUD, public submissions, round robin, abuse guards. */
describe('lead-capture forms', () => {
  let stack: Stack;
  let api: Api;
  let admin: Auth;
  let rep: Auth;
  let adminId: number;
  const members: number[] = [];

  beforeAll(async () => {
    stack = await startStack({ services: ['records', 'distribution', 'gateway'] });
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    admin = account.auth;
    adminId = account.userId;
    for (let i = 0; i < 2; i++) members.push((await api.post('/v2/users').set(admin).send({ data: factories.user() }).expect(200)).body.data.id);
    const roles = (await api.get('/v2/roles').set(admin).expect(200)).body.items.map((i: { data: { id: number; name: string } }) => i.data);
    const repRole = roles.find((r: { name: string }) => r.name === 'Sales rep').id;
    const repUser = (await api.post('/v2/users').set(admin).send({ data: factories.user({ role_id: repRole }) }).expect(200)).body.data;
    const token = (await api.post(`/v2/users/${repUser.id}/tokens`).set(admin).send({ data: {} }).expect(201)).body.data.access_token;
    rep = { Authorization: `Bearer ${token}` };
  });
  afterAll(() => stack?.stop());

  const FIELDS = [
    { name: 'first_name' },
    { name: 'last_name', required: true },
    { name: 'email', required: true },
    { name: 'description' },
  ];
  const createForm = async (data: Record<string, unknown>): Promise<LeadForm> =>
    (await api.post('/v2/lead_forms').set(admin).send({ data: { name: `Form ${Math.random()}`, fields: FIELDS, ...data } }).expect(200)).body.data;
  const leadCount = async () => (await api.get('/v2/leads').query({ per_page: 100 }).set(admin).expect(200)).body.items.length;
  const submitJson = (form: LeadForm, data: Record<string, unknown>) => api.post(`/v2/forms/${form.token}/submissions`).send({ data });

  let pooledForm: LeadForm;

  it('gives admins a form with a secret token and an embeddable snippet; a sales rep may not create one', async () => {
    const pool = (
      await api.post('/v2/distribution_pools').set(admin).send({ data: { name: 'Web leads', resource_type: 'lead', members: members.map((user_id) => ({ user_id })) } }).expect(200)
    ).body.data;
    pooledForm = await createForm({ owner_pool_id: pool.id });
    expect(pooledForm.token.length).toBeGreaterThanOrEqual(32);
    expect(pooledForm.embed_html).toContain(`http://crm.test/v2/forms/${pooledForm.token}/submissions`);
    expect(pooledForm.embed_html).toContain('name="website_url"');
    expect(pooledForm.embed_html).toContain('name="last_name"');
    expect((await api.get(`/v2/lead_forms/${pooledForm.id}`).set(admin).expect(200)).body.meta.type).toBe('lead_form');

    const refused = await api.post('/v2/lead_forms').set(rep).send({ data: { name: 'Mine', fields: FIELDS } }).expect(403);
    expect(refused.body.errors[0].error.code).toBe('forbidden');
    await api.get('/v2/lead_forms').set(rep).expect(403);
    await api.post('/v2/lead_forms').expect(401);
    // A form must be able to name its leads.
    await api.post('/v2/lead_forms').set(admin).send({ data: { name: 'No name', fields: [{ name: 'email' }] } }).expect(422);
  });

  it('turns public JSON and urlencoded submissions into leads assigned round robin through the pool', async () => {
    const ids: number[] = [];
    const first = await submitJson(pooledForm, { first_name: 'Ann', last_name: 'One', email: 'ann@example.com', website_url: '' }).expect(201);
    expect(first.body.meta.type).toBe('form_submission');
    ids.push(first.body.data.lead_id);
    for (const n of [2, 3]) {
      const posted = await api
        .post(`/v2/forms/${pooledForm.token}/submissions`)
        .type('form')
        .send({ first_name: 'Browser', last_name: `Visitor ${n}`, email: `v${n}@example.com`, description: '', website_url: '' })
        .expect(201);
      ids.push(posted.body.data.lead_id);
    }
    const leads = await Promise.all(ids.map(async (id) => (await api.get(`/v2/leads/${id}`).set(admin).expect(200)).body.data));
    expect(leads.map((l) => l.owner_id)).toEqual([members[0], members[1], members[0]]);
    expect(leads[1].last_name).toBe('Visitor 2');
    expect(leads[1].description).toBeNull();
  });

  it('answers a filled honeypot as accepted but creates nothing, and refuses bad input with 422', async () => {
    const before = await leadCount();
    await submitJson(pooledForm, { last_name: 'Bot', email: 'bot@example.com', website_url: 'http://spam.example' }).expect(201);
    await api.post(`/v2/forms/${pooledForm.token}/submissions`).type('form').send({ last_name: 'Bot', website_url: 'x' }).expect(201);

    const missing = await submitJson(pooledForm, { first_name: 'No', email: '' }).expect(422);
    expect(missing.body.errors.map((e: { error: { field: string; code: string } }) => [e.error.field, e.error.code]).sort()).toEqual([
      ['/email', 'blank'],
      ['/last_name', 'blank'],
    ]);
    const oversized = await submitJson(pooledForm, { last_name: 'x'.repeat(256), email: 'long@example.com' }).expect(422);
    expect(oversized.body.errors[0].error.field).toBe('/last_name');
    await submitJson(pooledForm, { last_name: 'Long', email: 'long@example.com', description: 'x'.repeat(10_001) }).expect(422);
    const unknown = await submitJson(pooledForm, { last_name: 'X', email: 'x@example.com', owner_id: 1 }).expect(422);
    expect(unknown.body.errors[0].error.code).toBe('unknown');
    expect(await leadCount()).toBe(before);
  });

  it('answers 404 for an unknown or inactive form', async () => {
    await api.post(`/v2/forms/${'x'.repeat(43)}/submissions`).send({ data: { last_name: 'A', email: 'a@example.com' } }).expect(404);
    const inactive = await createForm({ active: false });
    await submitJson(inactive, { last_name: 'A', email: 'a@example.com' }).expect(404);
  });

  it('redirects a browser post to redirect_url and gives the lead to the form owner', async () => {
    const form = await createForm({ owner_id: members[1], redirect_url: 'https://example.com/thanks' });
    const posted = await api.post(`/v2/forms/${form.token}/submissions`).type('form').send({ last_name: 'Redirected', email: 'r@example.com' }).expect(303);
    expect(posted.headers.location).toBe('https://example.com/thanks');
    const lead = (await api.get('/v2/leads').query({ last_name: 'Redirected' }).set(admin).expect(200)).body.items[0].data;
    expect(lead.owner_id).toBe(members[1]);
  });

  it('falls back to the account lead_form default, then the creator; tags each lead with the form name; updates and deletes', async () => {
    const form = await createForm({ name: 'Contact us' });
    await api.put('/v2/integration_owners/lead_form/lead').set(admin).send({ data: { owner_id: members[1] } }).expect(200);
    const id = (await submitJson(form, { last_name: 'Defaulted', email: 'd@example.com' }).expect(201)).body.data.lead_id;
    const lead = (await api.get(`/v2/leads/${id}`).set(admin).expect(200)).body.data;
    expect(lead.owner_id).toBe(members[1]);
    expect(lead.tags).toEqual(['Contact us']);
    await api.put('/v2/integration_owners/lead_form/lead').set(admin).send({ data: { owner_id: null, owner_pool_id: null } }).expect(200);
    const ownId = (await submitJson(form, { last_name: 'Creator', email: 'c@example.com' }).expect(201)).body.data.lead_id;
    expect((await api.get(`/v2/leads/${ownId}`).set(admin).expect(200)).body.data.owner_id).toBe(adminId);

    const updated = (await api.put(`/v2/lead_forms/${form.id}`).set(admin).send({ data: { active: false, name: 'Closed' } }).expect(200)).body.data;
    expect([updated.active, updated.name, updated.token]).toEqual([false, 'Closed', form.token]);
    await submitJson(form, { last_name: 'Late', email: 'l@example.com' }).expect(404);
    await api.delete(`/v2/lead_forms/${form.id}`).set(admin).expect(204);
    await api.get(`/v2/lead_forms/${form.id}`).set(admin).expect(404);
  });

  it('limits submissions per form and client IP with 429 and Retry-After', async () => {
    const form = await createForm({});
    for (let i = 0; i < 10; i++) await submitJson(form, { last_name: 'Bot', email: 'b@example.com', website_url: 'spam' }).expect(201);
    const limited = await submitJson(form, { last_name: 'Late', email: 'late@example.com' }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.errors[0].error.code).toBe('rate_limited');
    // Another form is counted apart.
    await submitJson(pooledForm, { last_name: 'Other', email: 'o@example.com' }).expect(201);
  });
});
