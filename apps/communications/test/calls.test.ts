import { RecordsRequests as R } from '@crm/contracts';
import { factories, Stack } from '@crm/testing';
import request from 'supertest';
import { Api, Auth, createLead, eventually, insertTextMessage, logCall, startCommunicationsStack } from './support';

type Item<T> = { data: T; meta: { type: string } };
const ids = (body: { items: Item<{ id: number }>[] }) => body.items.map((item) => item.data.id);

describe('calls, call outcomes and text messages through the gateway', () => {
  let stack: Stack;
  let api: Api;
  let auth: Auth;
  let admin: { accountId: number; userId: number };

  beforeAll(async () => {
    stack = await startCommunicationsStack();
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    auth = account.auth;
    admin = { accountId: account.accountId, userId: account.userId };
  });
  afterAll(() => stack?.stop());

  it('logs, reads, lists, updates and deletes a call in Sell envelopes', async () => {
    const lead = await createLead(api, auth);
    const created = await api
      .post('/v2/calls')
      .set(auth)
      .send({ data: { phone_number: ' +1 415 555 0100 ', resource_type: 'lead', resource_id: lead.id, summary: 'Intro', duration: 95, incoming: true } })
      .expect(200);
    expect(created.body.meta).toEqual({ type: 'call' });
    const call = created.body.data;
    expect(call).toMatchObject({
      user_id: admin.userId,
      phone_number: '+1 415 555 0100',
      resource_type: 'lead',
      resource_id: lead.id,
      summary: 'Intro',
      duration: 95,
      incoming: true,
      missed: false,
      outcome_id: null,
      recording_url: null,
      external_id: null,
      associated_deal_ids: [],
    });
    expect(Date.now() - Date.parse(call.made_at)).toBeLessThan(60_000);

    expect((await api.get(`/v2/calls/${call.id}`).set(auth).expect(200)).body).toEqual({ data: call, meta: { type: 'call' } });
    const list = await api.get('/v2/calls').query({ resource_type: 'lead', resource_id: lead.id }).set(auth).expect(200);
    expect(list.body.meta).toMatchObject({ type: 'collection', count: 1 });
    expect(list.body.items).toEqual([{ data: call, meta: { type: 'call' } }]);

    const outcomes = (await api.get('/v2/call_outcomes').set(auth).expect(200)).body.items;
    const outcomeId = outcomes[0].data.id;
    const updated = await api
      .put(`/v2/calls/${call.id}`)
      .set(auth)
      .send({ data: { outcome_id: outcomeId, missed: true, made_at: '2024-05-01T10:00:00Z' } })
      .expect(200);
    expect(updated.body.data).toMatchObject({ outcome_id: outcomeId, missed: true, made_at: '2024-05-01T10:00:00Z', summary: 'Intro' });
    const untouched = await api.put(`/v2/calls/${call.id}`).set(auth).send({ data: {} }).expect(200);
    expect(untouched.body.data).toMatchObject({ outcome_id: outcomeId, missed: true, phone_number: '+1 415 555 0100' });
    const byOutcome = await api.get('/v2/calls').query({ outcome_id: outcomeId, missed: 'true' }).set(auth).expect(200);
    expect(ids(byOutcome.body)).toEqual([call.id]);

    const detached = await api.put(`/v2/calls/${call.id}`).set(auth).send({ data: { resource_type: null, resource_id: null } }).expect(200);
    expect(detached.body.data).toMatchObject({ resource_type: null, resource_id: null });

    expect((await api.delete(`/v2/calls/${call.id}`).set(auth).expect(204)).text).toBe('');
    await api.get(`/v2/calls/${call.id}`).set(auth).expect(404);
    await api.delete(`/v2/calls/${call.id}`).set(auth).expect(404);
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const other = await stack.createAccount('Other');
    const foreignLead = await createLead(api, other.auth);
    const foreignDeal = (await api.post('/v2/deals').set(other.auth).send({ data: factories.deal() }).expect(200)).body.data;
    const foreignOutcome = (await api.get('/v2/call_outcomes').set(other.auth).expect(200)).body.items[0].data;
    const before = (await api.get('/v2/calls').query({ per_page: 100 }).set(auth).expect(200)).body.meta.count;

    const refusals: [Record<string, unknown>, string, string][] = [
      [{ phone_number: '1', invalid_field: 1 }, '/invalid_field', 'unknown'],
      [{ summary: 'no number' }, '/phone_number', 'blank'],
      [{ phone_number: '   ' }, '/phone_number', 'blank'],
      [{ phone_number: '1', resource_type: 'lead', resource_id: foreignLead.id }, '/resource_id', 'invalid'],
      [{ phone_number: '1', resource_type: 'lead', resource_id: 2_000_000_000 }, '/resource_id', 'invalid'],
      [{ phone_number: '1', resource_type: 'lead' }, '/resource_id', 'blank'],
      [{ phone_number: '1', resource_type: 'visit', resource_id: 1 }, '/resource_type', 'invalid'],
      [{ phone_number: '1', outcome_id: 999_999 }, '/outcome_id', 'invalid'],
      [{ phone_number: '1', outcome_id: foreignOutcome.id }, '/outcome_id', 'invalid'],
      [{ phone_number: '1', associated_deal_ids: [foreignDeal.id] }, '/associated_deal_ids', 'invalid'],
      [{ phone_number: '1', associated_deal_ids: 5 }, '/associated_deal_ids', 'invalid'],
      [{ phone_number: '1', user_id: other.userId }, '/user_id', 'invalid'],
      [{ phone_number: '1', duration: -1 }, '/duration', 'invalid'],
      [{ phone_number: '1', incoming: null }, '/incoming', 'blank'],
      [{ phone_number: '1', made_at: 'yesterday' }, '/made_at', 'invalid'],
    ];
    for (const [data, field, code] of refusals) {
      const response = await api.post('/v2/calls').set(auth).send({ data });
      expect({ data, status: response.status }).toEqual({ data, status: 422 });
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ error: expect.objectContaining({ field, code }) })]));
      expect(response.body.meta.logref).toBeTruthy();
    }

    const call = await logCall(api, auth, {});
    await api.put(`/v2/calls/${call.id}`).set(auth).send({ data: { phone_number: '' } }).expect(422);
    await api.put(`/v2/calls/${call.id}`).set(auth).send({ data: { resource_type: 'lead', resource_id: foreignLead.id } }).expect(422);
    expect((await api.get(`/v2/calls/${call.id}`).set(auth).expect(200)).body.data).toEqual(call);
    await api.get(`/v2/calls/${call.id}`).set(other.auth).expect(404);
    await api.put(`/v2/calls/${call.id}`).set(other.auth).send({ data: { summary: 'mine now' } }).expect(404);

    await api.get('/v2/calls').query({ resource_type: 'visit' }).set(auth).expect(400);
    await api.get('/v2/calls').query({ unknown: 'x' }).set(auth).expect(400);
    await api.get('/v2/calls').query({ sort_by: 'summary:asc' }).set(auth).expect(400);
    const after = (await api.get('/v2/calls').query({ per_page: 100 }).set(auth).expect(200)).body.meta.count;
    expect(after).toBe(before + 1);
  });

  it("lists each account's call outcomes, seeded with Sell's defaults", async () => {
    const outcomes = await api.get('/v2/call_outcomes').set(auth).expect(200);
    expect(outcomes.body.items.map((item: Item<{ name: string }>) => item.data.name)).toEqual([
      'Interested',
      'Not interested',
      'Left voicemail',
      'No answer',
      'Wrong number',
    ]);
    expect(outcomes.body.items[0]).toEqual({
      data: { id: expect.any(Number), name: 'Interested', creator_id: null, created_at: expect.any(String), updated_at: expect.any(String) },
      meta: { type: 'call_outcome' },
    });
    const again = await api.get('/v2/call_outcomes').set(auth).expect(200);
    expect(ids(again.body)).toEqual(ids(outcomes.body));
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const docs = await api.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v2/calls', '/v2/calls/{id}', '/v2/call_outcomes', '/v2/text_messages', '/v2/text_messages/{id}']),
    );
  });

  it('reads text messages with filters, newest first by default', async () => {
    const lead = await createLead(api, auth);
    const onLead = await insertTextMessage(stack, admin.accountId, { resource_type: 'lead', resource_id: lead.id, user_id: admin.userId });
    const outgoing = await insertTextMessage(stack, admin.accountId, { incoming: false, user_id: admin.userId, content: 'On my way' });
    const unmatched = await insertTextMessage(stack, admin.accountId, { user_id: admin.userId });

    const all = await api.get('/v2/text_messages').query({ ids: [onLead.id, outgoing.id, unmatched.id].join(',') }).set(auth).expect(200);
    expect(ids(all.body)).toEqual([unmatched.id, outgoing.id, onLead.id]);
    expect(all.body.items[1]).toEqual({
      data: expect.objectContaining({ id: outgoing.id, content: 'On my way', incoming: false, resource_type: null, resource_id: null, associated_deal_ids: [] }),
      meta: { type: 'text_message' },
    });
    const byLead = await api.get('/v2/text_messages').query({ resource_type: 'lead', resource_id: lead.id }).set(auth).expect(200);
    expect(ids(byLead.body)).toEqual([onLead.id]);
    const sent = await api.get('/v2/text_messages').query({ incoming: 'false', user_id: admin.userId }).set(auth).expect(200);
    expect(ids(sent.body)).toContain(outgoing.id);
    expect(ids(sent.body)).not.toContain(onLead.id);
    const oldestFirst = await api.get('/v2/text_messages').query({ sort_by: 'id:asc', per_page: 1 }).set(auth).expect(200);
    expect(oldestFirst.body.meta.links.next_page).toContain('page=2');

    const one = await api.get(`/v2/text_messages/${onLead.id}`).set(auth).expect(200);
    expect(one.body).toEqual({ data: expect.objectContaining({ id: onLead.id, resource_type: 'lead', resource_id: lead.id }), meta: { type: 'text_message' } });
    const other = await stack.createAccount('Texts elsewhere');
    await api.get(`/v2/text_messages/${onLead.id}`).set(other.auth).expect(404);
    await api.get('/v2/text_messages').query({ resource_type: 'deal' }).set(auth).expect(400);
  });

  it('shows a user who sees only own records their calls and the calls on their records', async () => {
    const roles = await stack.rpc.request(R.ListRoles, { ...admin, query: { page: 1, perPage: 25, filters: {}, customFields: {} } });
    const salesRep = roles.items.find((role) => role.name === 'Sales rep')!;
    const rep = (await api.post('/v2/users').set(auth).send({ data: factories.user({ role_id: salesRep.id }) }).expect(200)).body.data;
    const token = (await api.post(`/v2/users/${rep.id}/tokens`).set(auth).send({ data: { name: 'rep' } }).expect(201)).body.data;
    const repAuth = { Authorization: `Bearer ${token.access_token}` };

    const adminLead = await createLead(api, auth);
    const repLead = await createLead(api, auth, { owner_id: rep.id });
    const adminsOwn = await logCall(api, auth, {});
    const onRepsLead = await logCall(api, auth, { resource_type: 'lead', resource_id: repLead.id });
    const repsOwn = await logCall(api, repAuth, {});

    const seen = await api.get('/v2/calls').query({ per_page: 100 }).set(repAuth).expect(200);
    expect(ids(seen.body).sort()).toEqual([onRepsLead.id, repsOwn.id].sort());
    await api.get(`/v2/calls/${adminsOwn.id}`).set(repAuth).expect(404);
    await api.delete(`/v2/calls/${adminsOwn.id}`).set(repAuth).expect(404);
    await api.get(`/v2/calls/${onRepsLead.id}`).set(repAuth).expect(200);
    const hidden = await api.post('/v2/calls').set(repAuth).send({ data: { phone_number: '1', resource_type: 'lead', resource_id: adminLead.id } });
    expect(hidden.status).toBe(422);
    expect(hidden.body.errors[0].error).toMatchObject({ field: '/resource_id' });
    expect(ids((await api.get('/v2/calls').query({ per_page: 100 }).set(auth).expect(200)).body)).toEqual(
      expect.arrayContaining([adminsOwn.id, onRepsLead.id, repsOwn.id]),
    );

    // Reassigning the lead reaches communications as an event: the rep loses sight of its call.
    await api.put(`/v2/leads/${repLead.id}`).set(auth).send({ data: { owner_id: admin.userId } }).expect(200);
    await eventually(async () => {
      await api.get(`/v2/calls/${onRepsLead.id}`).set(repAuth).expect(404);
    });
  });
});
