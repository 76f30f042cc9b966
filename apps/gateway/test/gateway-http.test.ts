import { RecordsRequests as R, ListRequest, CreateRequest } from '@crm/contracts';
import { InProcessBus, RunningService, ServiceRuntime } from '@crm/platform';
import request from 'supertest';
import { gatewayService } from '../src/app';
import { ADMIN, FakeRecords, VALID_TOKEN } from './fake-records';

/**
 * The gateway booted for real (embedded mode, in-process bus, a real HTTP listener) in front of
 * a fake records service that only gives canned answers.
 */
describe('gateway over HTTP', () => {
  let bus: InProcessBus;
  let records: FakeRecords;
  let gateway: RunningService;
  let api: ReturnType<typeof request>;
  const auth = { Authorization: `Bearer ${VALID_TOKEN}` };

  beforeAll(async () => {
    bus = new InProcessBus();
    records = new FakeRecords(bus);
    records.install();
    const runtime: ServiceRuntime = {
      service: 'gateway',
      mode: 'embedded',
      bus,
      databaseUrl: '',
      subjectPrefix: '',
      logLevel: 'silent',
      databasePoolSize: 1,
      migrateOnStart: false,
      settings: { PUBLIC_URL: 'http://localhost' },
    };
    gateway = await gatewayService.start(runtime, { httpPort: 0 });
    api = request(`http://127.0.0.1:${gateway.httpPort}`);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  function expectSellError(body: unknown, status: string, code: string, logref: string): void {
    expect(body).toMatchObject({
      errors: [{ error: { code }, meta: { type: 'error', links: { more_info: expect.any(String) } } }],
      meta: { type: 'errors', http_status: status, logref },
    });
    expect(logref).toBeTruthy();
  }

  describe('without authentication', () => {
    it('serves health and metrics', async () => {
      await api.get('/health').expect(200);
      await api.get('/health/live').expect(200, { status: 'ok' });
      await api.get('/metrics').expect(200).expect(/http_request_duration_seconds/);
    });

    it('serves the OpenAPI document and Swagger UI', async () => {
      const { body } = await api.get('/docs-json').expect(200);
      expect(body.openapi).toMatch(/^3\./);
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining(['/v2/leads', '/v2/leads/{id}', '/v2/deals/{deal_id}/associated_contacts', '/v2/users/{user_id}/tokens']),
      );
      expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(body.paths['/v2/leads'].post.requestBody.content['application/json'].schema.properties.data.properties.first_name).toMatchObject({
        type: 'string',
        maxLength: 255,
      });
      await api.get('/docs').redirects(1).expect(200).expect(/swagger/i);
    });

    it('refuses a request without a token', async () => {
      const res = await api.get('/v2/leads').expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expectSellError(res.body, '401 Unauthorized', 'unauthorized', res.headers['x-request-id']);
    });

    it('refuses a token of the wrong length without asking records', async () => {
      const before = records.asked(R.VerifyToken).length;
      const res = await api.get('/v2/leads').set('Authorization', `Bearer ${'v'.repeat(63)}`).expect(401);
      expectSellError(res.body, '401 Unauthorized', 'unauthorized', res.headers['x-request-id']);
      expect(records.asked(R.VerifyToken)).toHaveLength(before);
    });

    it('refuses a token records does not know', async () => {
      const res = await api.get('/v2/leads').set('Authorization', `Bearer ${'u'.repeat(64)}`).expect(401);
      expectSellError(res.body, '401 Unauthorized', 'unauthorized', res.headers['x-request-id']);
    });
  });

  describe('with a valid token', () => {
    it('asks records to verify it once, then uses the cache', async () => {
      const before = records.asked(R.VerifyToken).length;
      await api.get('/v2/users/self').set(auth).expect(200);
      await api.get('/v2/users/self').set(auth).expect(200);
      expect(records.asked(R.VerifyToken).length - before).toBeLessThanOrEqual(1);
    });

    it('renders a single object and carries the actor with the request id', async () => {
      const res = await api.get('/v2/leads/3').set(auth).set('X-Request-Id', 'client-req-42').expect(200);
      expect(res.headers['x-request-id']).toBe('client-req-42');
      expect(res.body).toEqual({ data: expect.objectContaining({ id: 3 }), meta: { type: 'lead' } });
      expect(records.asked(R.GetLead).at(-1)).toEqual({ accountId: ADMIN.accountId, userId: ADMIN.userId, correlationId: 'client-req-42', id: 3 });
    });

    it('renders a page with absolute links from PUBLIC_URL', async () => {
      const res = await api.get('/v2/leads?per_page=2&page=2').set(auth).expect(200);
      expect(res.body.items).toHaveLength(2);
      expect(res.body.items[0]).toEqual({ data: expect.objectContaining({ id: 3 }), meta: { type: 'lead' } });
      expect(res.body.meta).toEqual({
        type: 'collection',
        count: 2,
        links: {
          self: 'http://localhost/v2/leads?per_page=2&page=2',
          first_page: 'http://localhost/v2/leads?per_page=2&page=1',
          prev_page: 'http://localhost/v2/leads?per_page=2&page=1',
          next_page: 'http://localhost/v2/leads?per_page=2&page=3',
        },
      });
      const last = await api.get('/v2/leads?per_page=2&page=3').set(auth).expect(200);
      expect(last.body.meta.links.next_page).toBeUndefined();
    });

    it('passes bracketed filters, custom fields, ids and sort literally', async () => {
      await api
        .get('/v2/leads?address[city]=Paris&custom_fields%5BLead%20Score%5D=5&ids=1,2&sort_by=last_name:desc&owner_id=10')
        .set(auth)
        .expect(200);
      const { query } = records.asked(R.ListLeads).at(-1) as ListRequest;
      expect(query).toEqual({
        page: 1,
        perPage: 25,
        ids: [1, 2],
        sortBy: { field: 'last_name', direction: 'desc' },
        filters: { 'address[city]': 'Paris', owner_id: '10' },
        customFields: { 'Lead Score': '5' },
      });
    });

    it('refuses unknown query parameters with 400 invalid_param, also on single reads', async () => {
      for (const path of ['/v2/users/self?unknown=param', '/v2/leads?unknown=param', '/v2/leads?page=0', '/v2/leads?ids=abc']) {
        const res = await api.get(path).set(auth).expect(400);
        expectSellError(res.body, '400 Bad Request', 'invalid_param', res.headers['x-request-id']);
      }
    });

    it('refuses per_page over 100 with a 422 on /per_page', async () => {
      const res = await api.get('/v2/leads?per_page=101').set(auth).expect(422);
      expect(res.body.errors[0].error).toMatchObject({ field: '/per_page' });
    });

    it('creates with 200, passing body.data as data', async () => {
      const res = await api.post('/v2/leads').set(auth).send({ data: { first_name: 'Grace' } }).expect(200);
      expect(res.body).toEqual({ data: expect.objectContaining({ id: 6, first_name: 'Grace' }), meta: { type: 'lead' } });
      expect((records.asked(R.CreateLead).at(-1) as CreateRequest).data).toEqual({ first_name: 'Grace' });
    });

    it('refuses a body without a data object with 422 before asking records', async () => {
      const before = records.asked(R.CreateLead).length;
      for (const body of [{ unknown: 'attribute' }, { data: [1] }, { data: 'x' }]) {
        const res = await api.post('/v2/leads').set(auth).send(body).expect(422);
        expect(res.body.errors[0].error).toMatchObject({ field: '/data' });
      }
      await api.post('/v2/leads').set(auth).expect(422);
      expect(records.asked(R.CreateLead)).toHaveLength(before);
    });

    it('passes a records 422 through with its items and the logref', async () => {
      const res = await api.post('/v2/leads').set(auth).send({ data: { unknown: 'attribute' } }).expect(422);
      expect(res.body.errors[0].error).toEqual({ resource: 'lead', field: '/unknown', code: 'unknown', message: 'unknown attribute' });
      expectSellError(res.body, '422 Unprocessable Entity', 'unknown', res.headers['x-request-id']);
    });

    it('passes a records 404 through', async () => {
      const res = await api.get('/v2/leads/99').set(auth).expect(404);
      expectSellError(res.body, '404 Not Found', 'not_found', res.headers['x-request-id']);
    });

    it('answers 404 for a path id that cannot be one, without asking records', async () => {
      const before = records.asked(R.GetLead).length;
      for (const id of ['abc', '0', '-1', '1.5', '99999999999']) {
        const res = await api.get(`/v2/leads/${id}`).set(auth).expect(404);
        expect(res.body.errors[0].error.code).toBe('not_found');
      }
      expect(records.asked(R.GetLead)).toHaveLength(before);
    });

    it('answers 404 in Sell format for an unknown route', async () => {
      const res = await api.get('/v2/nothing-here').set(auth).expect(404);
      expectSellError(res.body, '404 Not Found', 'not_found', res.headers['x-request-id']);
    });

    it('refuses malformed JSON with 400', async () => {
      const res = await api.post('/v2/leads').set(auth).set('Content-Type', 'application/json').send('{"data": {').expect(400);
      expectSellError(res.body, '400 Bad Request', 'invalid', res.headers['x-request-id']);
    });

    it('refuses a body over 1 MiB with 413', async () => {
      const big = JSON.stringify({ data: { description: 'x'.repeat(1024 * 1024) } });
      const res = await api.post('/v2/leads').set(auth).set('Content-Type', 'application/json').send(big).expect(413);
      expectSellError(res.body, '413 Payload Too Large', 'too_large', res.headers['x-request-id']);
    });

    it('hides an unexpected failure behind a 500', async () => {
      const res = await api.post('/v2/leads').set(auth).send({ data: { first_name: 'crash' } }).expect(500);
      expectSellError(res.body, '500 Internal Server Error', 'internal', res.headers['x-request-id']);
      expect(JSON.stringify(res.body)).not.toContain('relation');
    });

    it('passes on a 503 when records does not answer in time', async () => {
      const res = await api.get('/v2/pipelines').set(auth).expect(503);
      expect(res.body.meta.http_status).toBe('503 Service Unavailable');
    });

    it('deletes with 204 and no body', async () => {
      const res = await api.delete('/v2/leads/2').set(auth).expect(204);
      expect(res.text).toBe('');
      await api.delete('/v2/deals/4/associated_contacts/7').set(auth).expect(204);
      expect(records.asked(R.RemoveAssociatedContact).at(-1)).toMatchObject({ dealId: 4, contactId: 7 });
    });

    it('lists custom fields of each record type and named items by kind', async () => {
      const fields = await api.get('/v2/deals/custom_fields').set(auth).expect(200);
      expect(fields.body.items[0]).toEqual({ data: expect.objectContaining({ name: 'deal score' }), meta: { type: 'custom_field' } });
      expect(fields.body.meta.count).toBe(1);
      await api.get('/v2/deals/custom_fields?page=2').set(auth).expect(200).expect((res) => expect(res.body.items).toEqual([]));
      const sources = await api.get('/v2/lead_sources?name=web').set(auth).expect(200);
      expect(sources.body.items[0].meta.type).toBe('lead_source');
      expect(records.asked(R.ListNamedItems).at(-1)).toMatchObject({ kind: 'lead_source', query: { filters: { name: 'web' } } });
    });

    it('issues a token with 201, and a revoked token stops working at once', async () => {
      const issued = await api.post('/v2/users/10/tokens').set(auth).send({ data: { name: 'ci' } }).expect(201);
      expect(issued.body).toEqual({ data: expect.objectContaining({ access_token: 'n'.repeat(64) }), meta: { type: 'api_token' } });

      await api.get('/v2/users/self').set(auth).expect(200);
      await api.delete(`/v2/users/10/tokens/${ADMIN.tokenId}`).set(auth).expect(204);
      await api.get('/v2/users/self').set(auth).expect(401);
    });
  });
});
