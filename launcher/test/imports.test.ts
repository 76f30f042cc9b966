import { factories, startStack, Stack } from '@crm/testing';
import request from 'supertest';

type Api = ReturnType<typeof request>;
type Auth = { Authorization: string };

/** CSV imports through the gateway (multipart upload), records' worker and distribution, on real Postgres + NATS. */
describe('CSV imports', () => {
  let stack: Stack;
  let api: Api;
  let admin: Auth;
  let adminId: number;

  beforeAll(async () => {
    stack = await startStack({ services: ['records', 'distribution', 'gateway'] });
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    admin = account.auth;
    adminId = account.userId;
  });
  afterAll(() => stack?.stop());

  const upload = (csv: string | Buffer, fields: Record<string, string>) => {
    let req = api.post('/v2/imports').set(admin);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), 'data.csv');
  };
  const finished = async (id: number) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const job = (await api.get(`/v2/imports/${id}`).set(admin).expect(200)).body.data;
      if (job.status === 'completed' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const leadsWith = async (query: Record<string, string>) =>
    (await api.get('/v2/leads').query({ per_page: 100, ...query }).set(admin).expect(200)).body.items.map((i: { data: Record<string, unknown> }) => i.data);

  it('imports leads with mapping, tags, custom fields, addresses and quoted newlines; reports bad rows; dedupes on re-run', async () => {
    await api.post('/v2/leads/custom_fields').set(admin).send({ data: { name: 'Tier', type: 'list', choices: ['Gold', 'Silver'] } }).expect(200);
    const csv = [
      'First,Surname,E-mail,Company,city,tags,Tier,description',
      'Ada,Lovelace,ada@import.test,Analytical,London,vip;math,Gold,"first line',
      'second line"',
      'Bad,,nobody@import.test,,,,,',
      'Too,Many,cols@import.test,x,y,z,Gold,d,extra',
      'Grace,Hopper,grace@import.test,Navy,Arlington,,Bronze,',
      'Alan,Turing,alan@import.test,,Wilmslow,,,',
    ].join('\r\n');
    const mapping = JSON.stringify({ First: 'first_name', Surname: 'last_name', 'E-mail': 'email', Company: 'organization_name', city: 'address.city' });
    const started = await upload(csv, { resource_type: 'lead', mapping, dedupe_key: 'email' }).expect(202);
    expect(started.body.meta.type).toBe('import');
    const job = await finished(started.body.data.id);
    expect(job).toMatchObject({ status: 'completed', rows_read: 5, rows_created: 2, rows_failed: 3, rows_skipped: 0, progress: 1 });

    const [ada] = await leadsWith({ email: 'ada@import.test' });
    expect(ada).toMatchObject({ first_name: 'Ada', organization_name: 'Analytical', tags: ['vip', 'math'], custom_fields: { Tier: 'Gold' }, owner_id: adminId });
    expect(ada.description).toBe('first line\r\nsecond line'); // a quoted value keeps the file's own line break
    expect((ada.address as { city: string }).city).toBe('London');

    const report = await api.get(`/v2/imports/${job.id}/errors`).set(admin).expect(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.text.trim().split('\n');
    expect(lines[0]).toBe('row,error');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['3', '4', '5']);
    expect(report.text).toMatch(/last_name/);
    expect(report.text).toMatch(/9 values, the header 8/);
    expect(report.text).toMatch(/Tier/);

    const again = await finished((await upload(csv, { resource_type: 'lead', mapping, dedupe_key: 'email' }).expect(202)).body.data.id);
    expect(again).toMatchObject({ rows_created: 0, rows_skipped: 2, rows_failed: 3 });
    expect(await leadsWith({ email: 'ada@import.test' })).toHaveLength(1);
  });

  it('assigns each row in order through a pool', async () => {
    const users = [];
    for (let i = 0; i < 3; i++) users.push((await api.post('/v2/users').set(admin).send({ data: factories.user() }).expect(200)).body.data.id);
    const pool = (
      await api.post('/v2/distribution_pools').set(admin).send({ data: { name: 'Import pool', resource_type: 'contact', members: users.map((user_id) => ({ user_id })) } }).expect(200)
    ).body.data;
    const rows = Array.from({ length: 9 }, (_, i) => `Person${i},Pooled,pooled${i}@import.test`);
    const job = await finished((await upload(['first_name,last_name,email', ...rows].join('\n'), { resource_type: 'contact', owner_pool_id: String(pool.id) }).expect(202)).body.data.id);
    expect(job.rows_created).toBe(9);
    const contacts = (await api.get('/v2/contacts').query({ last_name: 'Pooled', per_page: 100, sort_by: 'id:asc' }).set(admin)).body.items.map(
      (i: { data: { owner_id: number } }) => i.data.owner_id,
    );
    expect(contacts).toEqual(Array.from({ length: 9 }, (_, i) => users[i % 3]));
  });

  it('keeps going through 10k bad rows among good ones', async () => {
    const rows = ['first_name,last_name,email'];
    for (let i = 0; i < 20_000; i++) rows.push(i % 2 === 0 ? `Good${i},Row,good${i}@bulk.test` : `Bad${i},,not-an-email`);
    const job = await finished((await upload(rows.join('\n'), { resource_type: 'lead' }).expect(202)).body.data.id);
    expect(job).toMatchObject({ status: 'completed', rows_read: 20_000, rows_created: 10_000, rows_failed: 10_000 });
    const report = await api.get(`/v2/imports/${job.id}/errors`).set(admin).expect(200);
    expect(report.text.trim().split('\n')).toHaveLength(10_001);
  });

  it('lists imports newest first (a sales rep sees only their own) and skips a column mapped to ""', async () => {
    const roles = (await api.get('/v2/roles').set(admin).expect(200)).body.items.map((i: { data: { id: number; name: string } }) => i.data);
    const repRole = roles.find((r: { name: string }) => r.name === 'Sales rep').id;
    const rep = (await api.post('/v2/users').set(admin).send({ data: factories.user({ role_id: repRole }) }).expect(200)).body.data;
    const repToken = (await api.post(`/v2/users/${rep.id}/tokens`).set(admin).send({ data: {} }).expect(201)).body.data.access_token;
    const repAuth = { Authorization: `Bearer ${repToken}` };

    const mine = await finished(
      (await upload('last_name,email,Tier\nSkipped,skipped@list.test,Gold\n', { resource_type: 'lead', mapping: JSON.stringify({ email: '', Tier: '' }) }).expect(202)).body.data.id,
    );
    expect(mine).toMatchObject({ status: 'completed', rows_created: 1, rows_failed: 0 });
    const [skipped] = await leadsWith({ last_name: 'Skipped' });
    expect(skipped.email).toBeNull(); // "email" named a field, but the mapping left it out
    expect(skipped.custom_fields).toEqual({});

    const repsImport = (
      await api.post('/v2/imports').set(repAuth).field('resource_type', 'lead').attach('file', Buffer.from('last_name\nRepRow\n'), 'rep.csv').expect(202)
    ).body.data;
    const adminList = await api.get('/v2/imports').query({ per_page: 1 }).set(admin).expect(200);
    expect(adminList.body.meta.type).toBe('collection');
    expect(adminList.body.items.map((i: { data: { id: number } }) => i.data.id)).toEqual([repsImport.id]);
    expect(adminList.body.items[0].meta.type).toBe('import');
    expect(adminList.body.meta.links.next_page).toBeDefined();
    const page2 = await api.get('/v2/imports').query({ per_page: 1, page: 2 }).set(admin).expect(200);
    expect(page2.body.items[0].data).toMatchObject({ id: mine.id, status: 'completed', rows_created: 1 });

    const repList = await api.get('/v2/imports').set(repAuth).expect(200);
    expect(repList.body.items.map((i: { data: { id: number } }) => i.data.id)).toEqual([repsImport.id]);
    await api.get(`/v2/imports/${mine.id}`).set(repAuth).expect(404);

    const badParam = await api.get('/v2/imports').query({ status: 'running' }).set(admin).expect(400);
    expect(badParam.body.errors[0].error).toMatchObject({ code: 'invalid_param' });
    await api.get('/v2/imports').query({ per_page: 101 }).set(admin).expect(422);
  });

  it('fails a file that is not UTF-8 or has no header, and refuses bad options before anything is stored', async () => {
    const latin1 = Buffer.concat([Buffer.from('first_name,last_name\n'), Buffer.from([0x4a, 0xe9, 0x72, 0xf4, 0x6d, 0x65]), Buffer.from(',Dupont\n')]);
    const notUtf8 = await finished((await upload(latin1, { resource_type: 'lead' }).expect(202)).body.data.id);
    expect(notUtf8).toMatchObject({ status: 'failed', rows_created: 0 });
    expect(notUtf8.error).toMatch(/UTF-8/);

    const headless = await finished((await upload('Ada,Lovelace,ada2@x.test\n', { resource_type: 'lead' }).expect(202)).body.data.id);
    expect(headless).toMatchObject({ status: 'failed' });
    expect(headless.error).toMatch(/header/);

    await upload('last_name\nX\n', { resource_type: 'task' }).expect(422);
    await upload('last_name\nX\n', { resource_type: 'lead', colour: 'blue' }).expect(422);
    await upload('last_name\nX\n', { resource_type: 'lead', mapping: '{not json' }).expect(422);
    await upload('last_name\nX\n', { resource_type: 'lead', mapping: JSON.stringify({ last_name: 'favourite_colour' }) })
      .expect(202)
      .then(async (res) => expect((await finished(res.body.data.id)).error).toMatch(/favourite_colour/));
    const dealPool = (await api.post('/v2/distribution_pools').set(admin).send({ data: { name: 'Deals', resource_type: 'deal' } }).expect(200)).body.data;
    await upload('last_name\nX\n', { resource_type: 'lead', owner_pool_id: String(dealPool.id) }).expect(422);
    await api.post('/v2/imports').set(admin).send({ data: { resource_type: 'lead' } }).expect(422);
  });
});
