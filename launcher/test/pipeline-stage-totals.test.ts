import { factories, startStack, Stack } from '@crm/testing';
import { gatewayService } from '@crm/gateway';
import { recordsService } from '@crm/records';
import request from 'supertest';

type Api = ReturnType<typeof request>;
type Auth = { Authorization: string };
interface Stage {
  id: number;
  category: string;
  position: number;
}
interface StageTotal {
  stage_id: number;
  count: number;
  values: { currency: string; count: number; value: string }[];
}

/**
 * GET /v2/pipelines/:id/stage_totals (the pipeline board's column totals) through the gateway on
 * Postgres + NATS: every stage in order, counts and sums per currency over all deals, the reader's
 * visibility, and bad requests refused in Sell's format.
 */
describe('pipeline stage totals', () => {
  let stack: Stack;
  let api: Api;
  let admin: Auth;
  let rep: Auth;
  let repId: number;
  let pipelineId: number;
  let stages: Stage[];
  const stageOf = (category: string) => stages.find((s) => s.category === category)!.id;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, gatewayService] });
    api = request(stack.gatewayUrl);
    admin = (await stack.createAccount()).auth;
    pipelineId = (await api.get('/v2/pipelines').set(admin).expect(200)).body.items[0].data.id;
    stages = (await api.get('/v2/stages').query({ pipeline_id: pipelineId, per_page: 100 }).set(admin).expect(200)).body.items.map((i: { data: Stage }) => i.data);
    const roles = (await api.get('/v2/roles').set(admin).expect(200)).body.items.map((i: { data: { id: number; name: string } }) => i.data);
    const salesRep = roles.find((r: { name: string }) => r.name === 'Sales rep').id;
    repId = (await api.post('/v2/users').set(admin).send({ data: factories.user({ role_id: salesRep }) }).expect(200)).body.data.id;
    const token = (await api.post(`/v2/users/${repId}/tokens`).set(admin).send({ data: {} }).expect(201)).body.data.access_token;
    rep = { Authorization: `Bearer ${token}` };
  });
  afterAll(() => stack?.stop());

  const deal = async (data: Record<string, unknown>) => (await api.post('/v2/deals').set(admin).send({ data: { name: 'Deal', ...data } }).expect(200)).body.data;
  const totals = async (auth: Auth): Promise<StageTotal[]> => {
    const response = await api.get(`/v2/pipelines/${pipelineId}/stage_totals`).set(auth).expect(200);
    expect(response.body.meta.type).toBe('collection');
    for (const item of response.body.items) expect(item.meta.type).toBe('stage_total');
    return response.body.items.map((i: { data: StageTotal }) => i.data);
  };
  const totalOf = (all: StageTotal[], category: string) => all.find((t) => t.stage_id === stageOf(category))!;

  it('lists every stage in pipeline order, empty ones with zero, others counted and summed per currency', async () => {
    expect(await totals(admin)).toEqual([...stages].sort((a, b) => a.position - b.position).map((s) => ({ stage_id: s.id, count: 0, values: [] })));

    await deal({ stage_id: stageOf('incoming'), value: '100.10', currency: 'USD' });
    await deal({ stage_id: stageOf('incoming'), value: 200.25, currency: 'USD' });
    await deal({ stage_id: stageOf('incoming'), value: '50', currency: 'EUR' });
    const dime = await deal({ stage_id: stageOf('qualified'), value: '0.10', currency: 'USD' });
    await deal({ stage_id: stageOf('qualified'), value: '0.20', currency: 'USD' });
    await deal({ stage_id: stageOf('closure'), value: '9007199254740.99', currency: 'USD' });
    await deal({ stage_id: stageOf('closure'), value: '9007199254740.99', currency: 'USD' });

    const all = await totals(admin);
    expect(all.map((t) => t.stage_id)).toEqual([...stages].sort((a, b) => a.position - b.position).map((s) => s.id));
    expect(totalOf(all, 'incoming')).toEqual({
      stage_id: stageOf('incoming'),
      count: 3,
      values: [
        { currency: 'EUR', count: 1, value: '50.00' },
        { currency: 'USD', count: 2, value: '300.35' },
      ],
    });
    // Summed as decimals by Postgres, not as doubles (0.1 + 0.2), and past 2^53 cents.
    expect(totalOf(all, 'qualified').values).toEqual([{ currency: 'USD', count: 2, value: '0.30' }]);
    expect(totalOf(all, 'closure').values).toEqual([{ currency: 'USD', count: 2, value: '18014398509481.98' }]);

    await api.put(`/v2/deals/${dime.id}`).set(admin).send({ data: { stage_id: stageOf('won') } }).expect(200);
    const after = await totals(admin);
    expect(totalOf(after, 'qualified')).toMatchObject({ count: 1, values: [{ currency: 'USD', count: 1, value: '0.20' }] });
    expect(totalOf(after, 'won')).toMatchObject({ count: 1, values: [{ currency: 'USD', count: 1, value: '0.10' }] });
  });

  it("counts only the deals a user may see (a sales rep: their own)", async () => {
    await deal({ stage_id: stageOf('quote'), value: '70', currency: 'USD', owner_id: repId });
    await deal({ stage_id: stageOf('quote'), value: '30', currency: 'USD' });
    expect(totalOf(await totals(admin), 'quote')).toMatchObject({ count: 2, values: [{ currency: 'USD', count: 2, value: '100.00' }] });
    const mine = await totals(rep);
    expect(totalOf(mine, 'quote')).toMatchObject({ count: 1, values: [{ currency: 'USD', count: 1, value: '70.00' }] });
    expect(totalOf(mine, 'incoming')).toMatchObject({ count: 0, values: [] });
  });

  it('pages like any Sell collection', async () => {
    const first = await api.get(`/v2/pipelines/${pipelineId}/stage_totals`).query({ per_page: 2 }).set(admin).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.meta.links.next_page).toContain('page=2');
    const last = await api.get(`/v2/pipelines/${pipelineId}/stage_totals`).query({ per_page: 2, page: 4 }).set(admin).expect(200);
    expect(last.body.items).toHaveLength(stages.length - 6);
    expect(last.body.meta.links.next_page).toBeUndefined();
  });

  it("refuses another account's, missing and malformed pipelines (404), unknown parameters (400) and bad per_page (422)", async () => {
    const other = (await stack.createAccount('Other account')).auth;
    const otherPipeline = (await api.get('/v2/pipelines').set(other).expect(200)).body.items[0].data.id;
    for (const path of [`/v2/pipelines/${otherPipeline}/stage_totals`, '/v2/pipelines/2147483647/stage_totals', '/v2/pipelines/abc/stage_totals']) {
      const response = await api.get(path).set(admin).expect(404);
      expect(response.body.errors[0].error.code).toBe('not_found');
      expect(response.body.meta).toMatchObject({ type: 'errors', http_status: '404 Not Found' });
    }
    const unknown = await api.get(`/v2/pipelines/${pipelineId}/stage_totals`).query({ stage_id: 1 }).set(admin).expect(400);
    expect(unknown.body.errors[0].error).toMatchObject({ code: 'invalid_param', field: '/stage_id' });
    await api.get(`/v2/pipelines/${pipelineId}/stage_totals`).query({ per_page: 101 }).set(admin).expect(422);
    await api.get(`/v2/pipelines/${pipelineId}/stage_totals`).expect(401);
  });

  it('is in the OpenAPI document', async () => {
    const docs = await api.get('/docs-json').expect(200);
    const route = docs.body.paths['/v2/pipelines/{pipeline_id}/stage_totals'];
    expect(route.get.summary).toMatch(/per stage/);
  });
});
