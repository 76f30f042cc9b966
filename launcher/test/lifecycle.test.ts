import { factories, startStack, Stack } from '@crm/testing';
import { gatewayService } from '@crm/gateway';
import { recordsService } from '@crm/records';
import request from 'supertest';

type Api = ReturnType<typeof request>;
type Auth = { Authorization: string };

/** The glossary, end to end through the gateway on real Postgres + NATS: lead → contact + deal → customer. */
describe('records lifecycle', () => {
  let stack: Stack;
  let api: Api;
  let admin: Auth;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, gatewayService] });
    api = request(stack.gatewayUrl);
    admin = (await stack.createAccount()).auth;
  });
  afterAll(() => stack?.stop());

  const stagesByCategory = async (): Promise<Record<string, number>> => {
    const stages = (await api.get('/v2/stages').set(admin).expect(200)).body.items as { data: { id: number; category: string } }[];
    return Object.fromEntries(stages.map((s) => [s.data.category, s.data.id]));
  };
  const contact = async (id: number) => (await api.get(`/v2/contacts/${id}`).set(admin).expect(200)).body.data;

  it('lead → conversion → deal won → customer → past customer; deal lost → lost prospect', async () => {
    const stages = await stagesByCategory();
    const lead = (await api.post('/v2/leads').set(admin).send({ data: factories.lead({ organization_name: 'Initech', tags: ['hot'] }) }).expect(200))
      .body.data;
    const note = (await api.post('/v2/notes').set(admin).send({ data: { content: 'Met at the fair', resource_type: 'lead', resource_id: lead.id } }).expect(200))
      .body.data;
    const task = (await api.post('/v2/tasks').set(admin).send({ data: { content: 'Call back', resource_type: 'lead', resource_id: lead.id } }).expect(200))
      .body.data;

    const conversion = (await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: lead.id, create_deal: true } }).expect(200)).body;
    expect(conversion.meta.type).toBe('lead_conversion');
    const { individual_id: personId, organization_id: orgId, deal_id: dealId } = conversion.data;
    expect(personId).toEqual(expect.any(Number));
    expect(orgId).toEqual(expect.any(Number));

    const person = await contact(personId);
    expect(person).toMatchObject({ last_name: lead.last_name, email: lead.email, contact_id: orgId, tags: ['hot'], prospect_status: 'current', customer_status: 'none' });
    expect((await contact(orgId)).name).toBe('Initech');
    const deal = (await api.get(`/v2/deals/${dealId}`).set(admin).expect(200)).body.data;
    expect(deal).toMatchObject({ name: `${lead.first_name} ${lead.last_name}`, contact_id: personId, organization_id: orgId, stage_id: stages.incoming });

    expect((await api.get(`/v2/leads/${lead.id}`).set(admin).expect(200)).body.data.status).toBe('Converted');
    expect((await api.get(`/v2/notes/${note.id}`).set(admin).expect(200)).body.data).toMatchObject({ resource_type: 'contact', resource_id: personId });
    expect((await api.get(`/v2/tasks/${task.id}`).set(admin).expect(200)).body.data).toMatchObject({ resource_type: 'contact', resource_id: personId });
    const listed = await api.get('/v2/lead_conversions').query({ lead_id: lead.id }).set(admin).expect(200);
    expect(listed.body.items[0].data).toEqual(conversion.data);

    const again = await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: lead.id } }).expect(409);
    expect(again.body.errors[0].error.code).toBe('conflict');

    await api.put(`/v2/deals/${dealId}`).set(admin).send({ data: { stage_id: stages.won } }).expect(200);
    expect(await contact(personId)).toMatchObject({ customer_status: 'current', prospect_status: 'none' });
    expect((await contact(orgId)).customer_status).toBe('current');

    await api.put(`/v2/contacts/${personId}`).set(admin).send({ data: { customer_status: 'past' } }).expect(200);
    expect((await contact(personId)).customer_status).toBe('past');
    await api.put(`/v2/contacts/${personId}`).set(admin).send({ data: { prospect_status: 'lost' } }).expect(422);

    const second = (await api.post('/v2/deals').set(admin).send({ data: { name: 'Renewal', contact_id: personId } }).expect(200)).body.data;
    expect(await contact(personId)).toMatchObject({ customer_status: 'past', prospect_status: 'current' });
    await api.put(`/v2/deals/${second.id}`).set(admin).send({ data: { stage_id: stages.won } }).expect(200);
    expect((await contact(personId)).customer_status).toBe('current');

    const other = (await api.post('/v2/contacts').set(admin).send({ data: factories.person() }).expect(200)).body.data;
    const lost = (await api.post('/v2/deals').set(admin).send({ data: { name: 'Long shot', contact_id: other.id } }).expect(200)).body.data;
    expect((await contact(other.id)).prospect_status).toBe('current');
    await api.put(`/v2/deals/${lost.id}`).set(admin).send({ data: { stage_id: stages.lost } }).expect(200);
    expect(await contact(other.id)).toMatchObject({ prospect_status: 'lost', customer_status: 'none' });
    await api.delete(`/v2/deals/${lost.id}`).set(admin).expect(204);
    expect((await contact(other.id)).prospect_status).toBe('none');
  });

  it('converts an organization-only lead and a lead into a chosen pipeline; refuses bad conversions', async () => {
    const orgLead = (await api.post('/v2/leads').set(admin).send({ data: { organization_name: 'Globex Only' } }).expect(200)).body.data;
    const converted = (await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: orgLead.id } }).expect(200)).body.data;
    expect(converted.individual_id).toBe(converted.organization_id);
    expect(converted.deal_id).toBeNull();

    const stages = await stagesByCategory();
    const lead = (await api.post('/v2/leads').set(admin).send({ data: factories.lead() }).expect(200)).body.data;
    const before = (await api.get('/v2/contacts').query({ per_page: 100 }).set(admin)).body.items.length;
    const wrongStage = await api
      .post('/v2/lead_conversions')
      .set(admin)
      .send({ data: { lead_id: lead.id, deal: { pipeline_id: 999999 } } })
      .expect(422);
    expect(wrongStage.body.errors[0].error.field).toBe('/deal/pipeline_id');
    expect((await api.get('/v2/contacts').query({ per_page: 100 }).set(admin)).body.items.length).toBe(before);
    expect((await api.get(`/v2/leads/${lead.id}`).set(admin)).body.data.status).not.toBe('Converted');

    const pipelineId = (await api.get('/v2/pipelines').set(admin)).body.items[0].data.id;
    const withDeal = (
      await api
        .post('/v2/lead_conversions')
        .set(admin)
        .send({ data: { lead_id: lead.id, deal: { name: 'Named deal', pipeline_id: pipelineId, stage_id: stages.quote } } })
        .expect(200)
    ).body.data;
    expect((await api.get(`/v2/deals/${withDeal.deal_id}`).set(admin)).body.data).toMatchObject({ name: 'Named deal', stage_id: stages.quote });

    await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: 999999 } }).expect(404);
    const otherAccount = await stack.createAccount('Other');
    const foreign = (await api.post('/v2/leads').set(otherAccount.auth).send({ data: factories.lead() }).expect(200)).body.data;
    await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: foreign.id } }).expect(404);
    await api.post('/v2/lead_conversions').set(admin).send({ data: { lead_id: 'x' } }).expect(422);
  });

  it('deleting a record deletes its notes and tasks; a custom field value of the wrong type is refused', async () => {
    const lead = (await api.post('/v2/leads').set(admin).send({ data: factories.lead() }).expect(200)).body.data;
    const note = (await api.post('/v2/notes').set(admin).send({ data: { content: 'x', resource_type: 'lead', resource_id: lead.id } }).expect(200)).body.data;
    await api.post('/v2/notes').set(admin).send({ data: { content: 'x', resource_type: 'lead', resource_id: 999999 } }).expect(422);
    await api.delete(`/v2/leads/${lead.id}`).set(admin).expect(204);
    await api.get(`/v2/notes/${note.id}`).set(admin).expect(404);

    await api.post('/v2/deals/custom_fields').set(admin).send({ data: { name: 'Seats', type: 'number' } }).expect(200);
    const bad = await api.post('/v2/deals').set(admin).send({ data: { name: 'X', custom_fields: { Seats: 'many' } } }).expect(422);
    expect(bad.body.errors[0].error).toMatchObject({ field: '/custom_fields/Seats', code: 'invalid' });
    await api.post('/v2/deals').set(admin).send({ data: { name: 'X', custom_fields: { Seats: 12 } } }).expect(200);
  });

  it('keeps the largest deal value exact and refuses one that would overflow, storing nothing', async () => {
    const largest = (await api.post('/v2/deals').set(admin).send({ data: { name: 'Largest', value: '999999999999999.99' } }).expect(200)).body.data;
    expect((await api.get(`/v2/deals/${largest.id}`).set(admin).expect(200)).body.data.value).toBe('999999999999999.99');
    for (const value of [1e20, '1000000000000000', 0.1 + 0.2]) {
      const refused = await api.post('/v2/deals').set(admin).send({ data: { name: `Overflow ${value}`, value } }).expect(422);
      expect(refused.body.errors[0].error).toMatchObject({ field: '/value' });
    }
    const names = (await api.get('/v2/deals?per_page=100').set(admin).expect(200)).body.items.map((item: { data: { name: string } }) => item.data.name);
    expect(names.filter((name: string) => name.startsWith('Overflow'))).toEqual([]);
  });
});
