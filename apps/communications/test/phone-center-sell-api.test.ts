import { PhoneCenterTextMessageDto, TelephonyEvents } from '@crm/contracts';
import { factories, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { communicationsService } from '../src/app';
import { Collection } from './communication-center-support';
import { callEvent, newNumber, TelephonyEventPublisher, textEvent } from './phone-center-events';
import { Api, Auth } from './support';

/** What the phone Communication Center promises outside its own lists: the OpenAPI document and Sell's read API. */
describe('Communication Center: calls and text messages in the docs and in Sell\'s API', () => {
  let stack: Stack;
  let api: Api;
  let telephony: TelephonyEventPublisher;

  const texts = async (auth: Auth) =>
    (await api.get('/v2/communications/text_messages').query({ per_page: 100 }).set(auth).expect(200)).body as Collection<PhoneCenterTextMessageDto>;
  const createLead = async (auth: Auth, attributes: Record<string, unknown> = {}) =>
    (await api.post('/v2/leads').set(auth).send({ data: factories.lead(attributes) }).expect(200)).body.data as { id: number; owner_id: number };

  beforeAll(async () => {
    stack = await startStack({ services: ['records', communicationsService, 'gateway'] });
    api = request(stack.gatewayUrl);
    telephony = await TelephonyEventPublisher.connect(stack);
  });
  afterAll(async () => {
    await telephony?.close();
    await stack?.stop();
  });

  it('documents every endpoint in the OpenAPI document, with request schemas from the contracts', async () => {
    const { paths } = (await api.get('/docs-json').expect(200)).body;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/v2/communications/calls',
        '/v2/communications/text_messages',
        '/v2/communications/counts',
        '/v2/communications/text_messages/mark',
        '/v2/communications/text_messages/conversations/{phone_number}',
        '/v2/communications/unmatched/add_to_sell',
        '/v2/communications/unmatched/add_to_existing',
        '/v2/communications/unmatched/ignore',
      ]),
    );
    const addToSell = paths['/v2/communications/unmatched/add_to_sell'].post.requestBody.content['application/json'].schema.properties.data;
    expect(addToSell.required).toEqual(expect.arrayContaining(['phone_number', 'as']));
    expect(addToSell.properties.as).toMatchObject({ enum: ['lead', 'contact'] });
    const listParameters = paths['/v2/communications/calls'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(listParameters).toEqual(expect.arrayContaining(['matched', 'missed', 'lead_status', 'owner_id', 'page', 'per_page']));
    const item = paths['/v2/communications/calls'].get.responses['200'].content['application/json'].schema.properties.items.items;
    expect(Object.keys(item.properties.data.properties)).toEqual(expect.arrayContaining(['recording_url', 'recording_id', 'matched', 'status', 'voicemail']));
  });

  it("keeps Sell's GET /v2/calls and /v2/text_messages true for what telephony reported", async () => {
    const admin = await stack.createAccount();
    const lead = await createLead(admin.auth);
    const number = newNumber();
    const started = '2024-06-03T10:00:00Z';
    const call = callEvent(admin.accountId, admin.userId, number, {
      direction: 'outbound',
      startedAt: started,
      duration: 125,
      recordingId: 99,
      resource: { resource_type: 'lead', resource_id: lead.id },
    });
    await telephony.call(call);
    const sms = textEvent(admin.accountId, admin.userId, number, {
      direction: 'outbound',
      status: 'sent',
      body: 'See you tomorrow',
      sentAt: '2024-06-03T11:00:00Z',
      userPhoneNumber: '+14155550123',
      resource: { resource_type: 'lead', resource_id: lead.id },
    });
    await telephony.text(sms, TelephonyEvents.textMessage.sent);

    const listed = (await api.get('/v2/calls').query({ resource_type: 'lead', resource_id: lead.id }).set(admin.auth).expect(200)).body;
    expect(listed.items).toHaveLength(1);
    const sellCall = listed.items[0].data;
    expect(sellCall).toEqual({
      id: expect.any(Number),
      user_id: admin.userId,
      summary: null,
      recording_url: `http://crm.test/v2/calls/${sellCall.id}/recording`,
      recording_id: 99,
      outcome_id: null,
      duration: 125,
      phone_number: number,
      incoming: false,
      missed: false,
      external_id: call.callSid,
      resource_type: 'lead',
      resource_id: lead.id,
      associated_deal_ids: [],
      made_at: started,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect((await api.get(`/v2/calls/${sellCall.id}`).set(admin.auth).expect(200)).body).toEqual({ data: sellCall, meta: { type: 'call' } });

    const sellText = (await api.get('/v2/text_messages').query({ resource_id: lead.id }).set(admin.auth).expect(200)).body.items[0].data;
    expect(sellText).toEqual({
      id: expect.any(Number),
      associated_deal_ids: [],
      content: 'See you tomorrow',
      incoming: false,
      resource_type: 'lead',
      resource_id: lead.id,
      resource_phone_number: number,
      sent_at: '2024-06-03T11:00:00Z',
      user_id: admin.userId,
      user_phone_number: '+14155550123',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    // The Communication Center shows the same message with its state.
    expect((await texts(admin.auth)).items[0].data).toEqual({
      ...sellText,
      matched: true,
      external_id: sms.messageSid,
      status: 'sent',
      error_code: null,
      error_message: null,
      unread: false,
    });
  });
});
