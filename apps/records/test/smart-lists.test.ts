import { factories, startStack, Stack } from '@crm/testing';
import { Client } from 'pg';
import request from 'supertest';
import { recordsService } from '../src/app';
import { SMART_LIST_TARGETS } from '../src/modules/smart-lists/smart-list-targets';
import { Api, createSmartList, idsOf, teamAccount, TeamAccount } from './smart-list-support';

/** Smart lists through the gateway, with records on real Postgres + NATS: filters, visibility, paging, bad input. */
describe('smart lists', () => {
  let stack: Stack;
  let api: Api;
  let team: TeamAccount;
  const lead: Record<string, number> = {};
  let sourceId: number;

  const evaluate = async (filters: object, auth = team.admin) =>
    idsOf((await api.get(`/v2/smart_lists/${await createSmartList(api, team.admin, 'lead', filters)}/leads`).set(auth).expect(200)).body);

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, 'gateway'] });
    api = request(stack.gatewayUrl);
    team = await teamAccount(stack, api);
    const { admin } = team;
    for (const field of [
      { name: 'Tier', type: 'list', choices: ['Gold', 'Silver'] },
      { name: 'Score', type: 'number' },
      { name: 'Newsletter', type: 'bool' },
      { name: 'Interests', type: 'multi_select_list', choices: ['Chess', 'Go'] },
    ]) {
      await api.post('/v2/leads/custom_fields').set(admin).send({ data: field }).expect(200);
    }
    const source = (await api.post('/v2/lead_sources').set(admin).send({ data: { name: 'Fair' } }).expect(200)).body.data;
    const create = async (data: object) => (await api.post('/v2/leads').set(admin).send({ data }).expect(200)).body.data.id as number;
    lead.ada = await create({
      first_name: 'Ada', last_name: 'Lovelace', organization_name: 'Analytical Engines', email: 'ada@engines.example', tags: ['VIP'],
      custom_fields: { Tier: 'Gold', Score: 10, Newsletter: true, Interests: ['Chess', 'Go'] },
    });
    lead.grace = await create({ first_name: 'Grace', last_name: 'Hopper', status: 'Working', tags: ['cold'], source_id: source.id, custom_fields: { Tier: 'Silver' } });
    lead.linus = await create({ first_name: 'Linus', last_name: 'Torvalds', phone: '+1 415 555 0199', tags: ['vip', 'hot'], owner_id: team.repId });
    lead.ken = await create({ first_name: 'Ken', last_name: 'Thompson', status: 'Unqualified', owner_id: team.repId });
    sourceId = source.id;
  });
  afterAll(() => stack?.stop());

  it('filters leads by owner, status, source, tags (ignoring case), custom fields, dates and text', async () => {
    const { ada, grace, linus, ken } = lead;
    expect(await evaluate({})).toEqual([ada, grace, linus, ken]);
    expect(await evaluate({ owner_id: [team.repId] })).toEqual([linus, ken]);
    expect(await evaluate({ status: ['New'] })).toEqual([ada, linus]);
    expect(await evaluate({ source_id: [sourceId] })).toEqual([grace]);
    expect(await evaluate({ tags: ['vip'] })).toEqual([ada, linus]);
    expect(await evaluate({ tags: ['HOT', 'cold'] })).toEqual([grace, linus]);
    expect(await evaluate({ custom_fields: { tier: 'Gold' } })).toEqual([ada]);
    expect(await evaluate({ custom_fields: { Tier: ['Gold', 'Silver'] } })).toEqual([ada, grace]);
    expect(await evaluate({ custom_fields: { Score: '10', Newsletter: 'true', Interests: 'Go' } })).toEqual([ada]);
    expect(await evaluate({ custom_fields: { Newsletter: 'false' } })).toEqual([]);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect(await evaluate({ created_at: { from: day(-1), to: day(0) } })).toEqual([ada, grace, linus, ken]);
    expect(await evaluate({ created_at: { from: day(1) } })).toEqual([]);
    expect(await evaluate({ updated_at: { to: day(-1) } })).toEqual([]);
    expect(await evaluate({ q: 'LOVELACE' })).toEqual([ada]);
    expect(await evaluate({ q: 'analytical eng' })).toEqual([ada]);
    expect(await evaluate({ q: 'engines.example' })).toEqual([ada]);
    expect(await evaluate({ q: '555 0199' })).toEqual([linus]);
    expect(await evaluate({ q: '100%' })).toEqual([]);
    expect(await evaluate({ owner_id: [team.repId], status: ['New'], tags: ['vip'] })).toEqual([linus]);
  });

  it('filters contacts and deals by their own keys', async () => {
    const { admin } = team;
    const org = (await api.post('/v2/contacts').set(admin).send({ data: factories.organization({ name: 'Widget Works', tags: ['partner'] }) }).expect(200)).body.data;
    const person = (await api.post('/v2/contacts').set(admin).send({ data: factories.person({ contact_id: org.id }) }).expect(200)).body.data;
    const companies = await createSmartList(api, admin, 'contact', { is_organization: true, q: 'widget' });
    expect(idsOf((await api.get(`/v2/smart_lists/${companies}/contacts`).set(admin).expect(200)).body)).toEqual([org.id]);
    const prospects = await createSmartList(api, admin, 'contact', { customer_status: ['none'], tags: ['partner'] });
    expect(idsOf((await api.get(`/v2/smart_lists/${prospects}/contacts`).set(admin).expect(200)).body)).toEqual([org.id]);

    const stages = (await api.get('/v2/stages').set(admin).expect(200)).body.items.map((i: { data: { id: number } }) => i.data.id);
    const hot = (await api.post('/v2/deals').set(admin).send({ data: factories.deal({ name: 'Big hot deal', hot: true, contact_id: person.id }) }).expect(200)).body.data;
    await api.post('/v2/deals').set(admin).send({ data: factories.deal({ stage_id: stages[1], contact_id: person.id }) }).expect(200);
    const deals = await createSmartList(api, admin, 'deal', { hot: true, stage_id: [stages[0]], q: 'big hot' });
    expect(idsOf((await api.get(`/v2/smart_lists/${deals}/deals`).set(admin).expect(200)).body)).toEqual([hot.id]);
  });

  it('shows a sales rep only their own records, in the list and in the count', async () => {
    const allNew = await createSmartList(api, team.admin, 'lead', { status: ['New'] });
    expect(idsOf((await api.get(`/v2/smart_lists/${allNew}/leads`).set(team.rep).expect(200)).body)).toEqual([lead.linus]);
    expect((await api.get(`/v2/smart_lists/${allNew}/count`).set(team.rep).expect(200)).body).toEqual({ data: { count: 1 }, meta: { type: 'count' } });
    expect((await api.get(`/v2/smart_lists/${allNew}/count`).set(team.admin).expect(200)).body.data.count).toBe(2);
  });

  it('pages, sorts and selects like the resource lists', async () => {
    const all = await createSmartList(api, team.admin, 'lead', {});
    const first = await api.get(`/v2/smart_lists/${all}/leads`).query({ per_page: 3, sort_by: 'id:desc' }).set(team.admin).expect(200);
    expect(first.body.items.map((i: { data: { id: number }; meta: { type: string } }) => [i.data.id, i.meta.type])).toEqual(
      [lead.ken, lead.linus, lead.grace].map((id) => [id, 'lead']),
    );
    expect(first.body.meta).toMatchObject({ type: 'collection', count: 3 });
    expect(first.body.meta.links.next_page).toContain('page=2');
    const second = await api.get(`/v2/smart_lists/${all}/leads`).query({ per_page: 3, sort_by: 'id:desc', page: 2 }).set(team.admin).expect(200);
    expect(idsOf(second.body)).toEqual([lead.ada]);
    expect(second.body.meta.links.next_page).toBeUndefined();
    expect(idsOf((await api.get(`/v2/smart_lists/${all}/leads`).query({ ids: `${lead.ada},${lead.ken}` }).set(team.admin).expect(200)).body)).toEqual([
      lead.ada,
      lead.ken,
    ]);
    await api.get(`/v2/smart_lists/${all}/leads`).query({ status: 'New' }).set(team.admin).expect(400);
  });

  it('lets anyone create a list, and only its creator or a settings manager change or delete it', async () => {
    const repList = await createSmartList(api, team.rep, 'lead', { tags: ['vip'] });
    const adminList = await createSmartList(api, team.admin, 'lead', { tags: ['vip'] });
    const renamed = await api.put(`/v2/smart_lists/${repList}`).set(team.rep).send({ data: { name: 'Mine', filters: { status: ['New'] } } }).expect(200);
    expect(renamed.body).toMatchObject({ data: { name: 'Mine', resource_type: 'lead', filters: { status: ['New'] }, creator_id: team.repId }, meta: { type: 'smart_list' } });
    const refused = await api.put(`/v2/smart_lists/${adminList}`).set(team.rep).send({ data: { name: 'Taken over' } }).expect(403);
    expect(refused.body.errors[0].error.code).toBe('forbidden');
    await api.delete(`/v2/smart_lists/${adminList}`).set(team.rep).expect(403);
    await api.put(`/v2/smart_lists/${repList}`).set(team.admin).send({ data: { name: 'Checked' } }).expect(200);
    const listed = await api.get('/v2/smart_lists').query({ creator_id: team.repId }).set(team.rep).expect(200);
    expect(idsOf(listed.body)).toEqual([repList]);
    await api.delete(`/v2/smart_lists/${repList}`).set(team.rep).expect(204);
    await api.get(`/v2/smart_lists/${repList}`).set(team.rep).expect(404);
    expect((await api.get(`/v2/smart_lists/${adminList}`).set(team.admin).expect(200)).body.data.name).not.toBe('Taken over');
  });

  it.each([
    ['an unknown filter', 'lead', { colour: ['red'] }, '/filters/colour', 'unknown'],
    ['a deal filter on a lead list', 'lead', { stage_id: [1] }, '/filters/stage_id', 'unknown'],
    ['a lead filter on a deal list', 'deal', { status: ['New'] }, '/filters/status', 'unknown'],
    ['an unknown custom field', 'lead', { custom_fields: { Colour: 'red' } }, '/filters/custom_fields/Colour', 'unknown'],
    ['a custom field value of the wrong type', 'lead', { custom_fields: { Score: 'many' } }, '/filters/custom_fields/Score', 'invalid'],
    ['a choice the list field does not have', 'lead', { custom_fields: { Tier: 'Bronze' } }, '/filters/custom_fields/Tier', 'invalid'],
    ['a custom field value that is not text', 'lead', { custom_fields: { Tier: 5 } }, '/filters/custom_fields/Tier', 'invalid'],
    ['an owner that is not an integer', 'lead', { owner_id: ['me'] }, '/filters/owner_id', 'invalid'],
    ['an empty list of values', 'lead', { status: [] }, '/filters/status', 'invalid'],
    ['a boolean given as text', 'contact', { is_organization: 'yes' }, '/filters/is_organization', 'invalid'],
    ['a date that is not one', 'lead', { created_at: { from: 'last week' } }, '/filters/created_at/from', 'invalid'],
    ['a range that ends before it starts', 'lead', { updated_at: { from: '2024-02-01', to: '2024-01-01' } }, '/filters/updated_at', 'invalid'],
    ['a search too short to be indexed', 'lead', { q: ' ab ' }, '/filters/q', 'invalid'],
  ])('refuses %s with 422 and stores nothing', async (_case, resourceType, filters, field, code) => {
    const before = (await api.get('/v2/smart_lists').query({ per_page: 100 }).set(team.admin).expect(200)).body.items.length;
    const response = await api.post('/v2/smart_lists').set(team.admin).send({ data: { name: 'Bad', resource_type: resourceType, filters } }).expect(422);
    expect(response.body.errors.map((e: { error: object }) => e.error)).toContainEqual(expect.objectContaining({ field, code }));
    expect((await api.get('/v2/smart_lists').query({ per_page: 100 }).set(team.admin).expect(200)).body.items.length).toBe(before);
  });

  it('refuses bad updates and the wrong record type without changing the list', async () => {
    const id = await createSmartList(api, team.admin, 'lead', { status: ['New'] });
    await api.post('/v2/smart_lists').set(team.admin).send({ data: { resource_type: 'lead' } }).expect(422);
    await api.post('/v2/smart_lists').set(team.admin).send({ data: { name: 'No type' } }).expect(422);
    await api.put(`/v2/smart_lists/${id}`).set(team.admin).send({ data: { resource_type: 'deal' } }).expect(422);
    await api.put(`/v2/smart_lists/${id}`).set(team.admin).send({ data: { name: 'Renamed', filters: { hot: true } } }).expect(422);
    expect((await api.get(`/v2/smart_lists/${id}`).set(team.admin).expect(200)).body.data).toMatchObject({ filters: { status: ['New'] } });
    const wrongType = await api.get(`/v2/smart_lists/${id}/contacts`).set(team.admin).expect(422);
    expect(wrongType.body.errors[0].error.message).toContain(`/v2/smart_lists/${id}/leads`);
  });

  it("answers 404 for another account's smart list and job", async () => {
    const other = await teamAccount(stack, api);
    const theirs = await createSmartList(api, other.admin, 'lead', {});
    const job = (await api.post(`/v2/smart_lists/${theirs}/bulk_actions`).set(other.admin).send({ data: { action: 'add_tag', tag: 'x' } }).expect(202)).body.data;
    for (const path of ['', '/leads', '/count']) await api.get(`/v2/smart_lists/${theirs}${path}`).set(team.admin).expect(404);
    await api.put(`/v2/smart_lists/${theirs}`).set(team.admin).send({ data: { name: 'Mine now' } }).expect(404);
    await api.delete(`/v2/smart_lists/${theirs}`).set(team.admin).expect(404);
    await api.post(`/v2/smart_lists/${theirs}/bulk_actions`).set(team.admin).send({ data: { action: 'add_tag', tag: 'x' } }).expect(404);
    await api.get(`/v2/jobs/${job.id}`).set(team.admin).expect(404);
  });

  it('serves text search and tags from their indexes (the expressions match the migration)', async () => {
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      await db.query('SET enable_seqscan = off');
      for (const target of Object.values(SMART_LIST_TARGETS)) {
        const table = target.table.split('.')[1];
        const explain = async (where: string) =>
          (await db.query(`EXPLAIN SELECT ${target.alias}.id FROM ${target.table} ${target.alias} WHERE ${where}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(await explain(`${target.searchText} LIKE '%lovelace%'`)).toContain(`${table}_search`);
        expect(await explain(`records.lowercase_tags(${target.alias}.tags) && ARRAY['vip']`)).toContain(`${table}_tags`);
      }
    } finally {
      await db.end();
    }
  });
});
