import { DomainError, TelephonyEvents } from '@crm/contracts';
import request from 'supertest';
import { TwilioAdapter } from '../src/modules/twilio/twilio.adapter';
import { PrismMock, Stack, startPrism, TwilioApiProxy } from '@crm/testing';
import {
  Api,
  Auth,
  createRep,
  eventually,
  publishedEvents,
  sid,
  startTelephonyStack,
  telephonyRows,
  TwilioWebhooks,
} from './support/telephony-stack';

/**
 * Outbound texts and click-to-call through the `twilio` SDK against a Prism mock of Twilio's
 * 2010-04-01 REST API (every request validated against Twilio's OpenAPI spec), and the callbacks
 * Twilio then makes to the URLs it was given.
 */
describe('telephony: outbound through Twilio (Prism)', () => {
  let prism: PrismMock;
  let proxy: TwilioApiProxy;
  let stack: Stack;
  let api: Api;
  let twilio: TwilioWebhooks;
  let admin: { auth: Auth; userId: number; accountId: number };
  let colleague: { id: number; auth: Auth };
  let lead: { id: number };
  let contact: { id: number };
  const ADMIN_NUMBER = '+14155550100';
  const ADMIN_OWN_PHONE = '+14155550199';
  const COLLEAGUE_NUMBER = '+14155550101';

  beforeAll(async () => {
    prism = await startPrism();
    proxy = await TwilioApiProxy.start(prism.url);
    stack = await startTelephonyStack(proxy.url);
    api = request(stack.gatewayUrl);
    twilio = new TwilioWebhooks(stack.gatewayUrl);
    const account = await stack.createAccount();
    admin = { auth: account.auth, userId: account.userId, accountId: account.accountId };
    await api.put(`/v2/users/${admin.userId}`).set(admin.auth).send({ data: { phone_number: ADMIN_OWN_PHONE } }).expect(200);
    colleague = await createRep(api, admin.auth);
    await api.post('/v2/phone_numbers').set(admin.auth).send({ data: { user_id: admin.userId, phone_number: ADMIN_NUMBER } }).expect(200);
    await api.post('/v2/phone_numbers').set(admin.auth).send({ data: { user_id: colleague.id, phone_number: COLLEAGUE_NUMBER } }).expect(200);
    lead = (await api.post('/v2/leads').set(admin.auth).send({ data: { last_name: 'Lopez', phone: '(212) 555-0140', mobile: '212-555-0141' } }).expect(200)).body.data;
    contact = (await api.post('/v2/contacts').set(admin.auth).send({ data: { last_name: 'Chen', phone: '+1 212 555 0150' } }).expect(200)).body.data;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await proxy?.stop().catch(() => undefined);
    await prism?.stop();
  });

  const count = async (table: string, where = 'true', parameters: unknown[] = []) =>
    Number((await telephonyRows<{ n: string }>(stack, `SELECT count(*) AS n FROM telephony.${table} WHERE ${where}`, parameters))[0].n);
  const textEvents = async (subject: (typeof TelephonyEvents.textMessage)[keyof typeof TelephonyEvents.textMessage], messageSid: string) =>
    (await publishedEvents(stack, subject, admin.accountId)).filter((e) => e.messageSid === messageSid);
  const callEvents = async (callSid: string) => (await publishedEvents(stack, TelephonyEvents.call.updated, admin.accountId)).filter((e) => e.callSid === callSid);
  /** Post to a callback URL the SDK gave Twilio, as Twilio would. */
  const callBack = (url: string, params: Record<string, string>) => {
    const parsed = new URL(url);
    expect(parsed.origin).toBe('http://crm.test');
    const kind = parsed.pathname.replace('/webhooks/twilio/', '');
    return twilio.post(kind, params, { query: parsed.search.slice(1) });
  };
  const send = (auth: Auth, data: Record<string, unknown>) => api.post('/v2/text_messages').set(auth).send({ data });

  describe('texts', () => {
    it("sends from the user's Twilio number with a status callback, and announces it", async () => {
      const response = await send(admin.auth, { phone_number: '(212) 555-0147', content: 'Hello from the CRM' }).expect(201);
      expect(response.body.meta.type).toBe('outbound_text_message');
      const message = response.body.data;
      expect(message).toMatchObject({
        status: 'queued',
        content: 'Hello from the CRM',
        user_id: admin.userId,
        user_phone_number: ADMIN_NUMBER,
        resource_phone_number: '+12125550147',
        resource_type: null,
        resource_id: null,
        in_reply_to: null,
      });
      expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
      const sent = proxy.last('/Messages.json');
      expect(sent.method).toBe('POST');
      expect(sent.form).toMatchObject({ From: ADMIN_NUMBER, To: '+12125550147', Body: 'Hello from the CRM' });
      expect(sent.form.StatusCallback).toMatch(/^http:\/\/crm\.test\/webhooks\/twilio\/status\?ref=[A-Za-z0-9_-]{20,}$/);

      expect(await textEvents(TelephonyEvents.textMessage.sent, message.sid)).toEqual([
        expect.objectContaining({ direction: 'outbound', userId: admin.userId, userPhoneNumber: ADMIN_NUMBER, remotePhoneNumber: '+12125550147', body: 'Hello from the CRM', status: 'queued', resource: null }),
      ]);
      expect(await count('text_messages', 'message_sid = $1 AND NOT pending', [message.sid])).toBe(1);
    });

    it("texts a lead's mobile (else phone) and a contact's phone, naming the record", async () => {
      const toLead = (await send(admin.auth, { resource_type: 'lead', resource_id: lead.id, content: 'Hi Lena' }).expect(201)).body.data;
      expect(toLead).toMatchObject({ resource_phone_number: '+12125550141', resource_type: 'lead', resource_id: lead.id });
      const toContact = (await send(admin.auth, { resource_type: 'contact', resource_id: contact.id, content: 'Hi Carl' }).expect(201)).body.data;
      expect(toContact).toMatchObject({ resource_phone_number: '+12125550150', resource_type: 'contact', resource_id: contact.id });
      expect((await textEvents(TelephonyEvents.textMessage.sent, toLead.sid))[0].resource).toEqual({ resource_type: 'lead', resource_id: lead.id });
    });

    it('takes null attributes as absent (clients send back what they read)', async () => {
      const message = (await send(admin.auth, { phone_number: '+12125550149', resource_type: null, resource_id: null, in_reply_to: null, content: 'Nulls' }).expect(201)).body.data;
      expect(message).toMatchObject({ resource_phone_number: '+12125550149', resource_type: null, in_reply_to: null });
    });

    it('status callbacks update delivery once each; late ones do not go back', async () => {
      const message = (await send(admin.auth, { phone_number: '+12125550147', content: 'Status please' }).expect(201)).body.data;
      const statusCallback = proxy.last('/Messages.json').form.StatusCallback;
      const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
        callBack(statusCallback, { MessageSid: message.sid, SmsSid: message.sid, MessageStatus, SmsStatus: MessageStatus, From: ADMIN_NUMBER, To: '+12125550147', ...extra }).expect(200);
      await status('sent');
      await status('delivered');
      await status('delivered');
      await status('sent');
      const events = await textEvents(TelephonyEvents.textMessage.status, message.sid);
      expect(events.map((e) => e.status)).toEqual(['sent', 'delivered']);

      const failing = (await send(admin.auth, { phone_number: '+12125550148', content: 'Will fail' }).expect(201)).body.data;
      await callBack(proxy.last('/Messages.json').form.StatusCallback, { MessageSid: failing.sid, MessageStatus: 'undelivered', ErrorCode: '30003' }).expect(200);
      expect(await textEvents(TelephonyEvents.textMessage.status, failing.sid)).toEqual([expect.objectContaining({ status: 'undelivered', errorCode: '30003' })]);

      // A callback about a message we never sent changes nothing.
      await twilio.post('status', { MessageSid: sid('SM'), MessageStatus: 'delivered' }).expect(200);
    });

    it.each([
      ['no destination', { content: 'x' }, 422],
      ['two destinations', { phone_number: '+12125550147', resource_type: 'lead', resource_id: 1, content: 'x' }, 422],
      ['a malformed number', { phone_number: '555-abc', content: 'x' }, 422],
      ['no content', { phone_number: '+12125550147' }, 422],
      ['empty content', { phone_number: '+12125550147', content: '' }, 422],
      ['content over 1,600 characters', { phone_number: '+12125550147', content: 'x'.repeat(1601) }, 422],
      ['a resource type without its id', { resource_type: 'lead', content: 'x' }, 422],
      ['a deal (not textable)', { resource_type: 'deal', resource_id: 1, content: 'x' }, 422],
      ['an unknown attribute', { phone_number: '+12125550147', content: 'x', media_url: 'http://x' }, 422],
      ['its own Twilio number', { phone_number: ADMIN_NUMBER, content: 'x' }, 422],
      ['a lead that does not exist', { resource_type: 'lead', resource_id: 999999, content: 'x' }, 404],
    ])('refuses %s: nothing sent or stored', async (_, data, status) => {
      const requests = proxy.requests.length;
      const rows = await count('text_messages');
      const response = await send(admin.auth, data).expect(status);
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(proxy.requests.length).toBe(requests);
      expect(await count('text_messages')).toBe(rows);
    });

    it("refuses a record the user may not see (404), one without a number (422), and a user without a Twilio number (422)", async () => {
      const requests = proxy.requests.length;
      await send(colleague.auth, { resource_type: 'lead', resource_id: lead.id, content: 'x' }).expect(404);
      const other = await stack.createAccount('Other company');
      const foreign = (await api.post('/v2/leads').set(other.auth).send({ data: { last_name: 'Foreign', mobile: '+12125550160' } }).expect(200)).body.data;
      await send(admin.auth, { resource_type: 'lead', resource_id: foreign.id, content: 'x' }).expect(404);
      const silent = (await api.post('/v2/leads').set(admin.auth).send({ data: { last_name: 'No phone' } }).expect(200)).body.data;
      const noNumber = await send(admin.auth, { resource_type: 'lead', resource_id: silent.id, content: 'x' }).expect(422);
      expect(noNumber.body.errors[0].error).toMatchObject({ field: '/resource_id', message: `lead ${silent.id} has no valid mobile or phone number` });
      const newcomer = await createRep(api, admin.auth);
      const unassigned = await send(newcomer.auth, { phone_number: '+12125550147', content: 'x' }).expect(422);
      expect(unassigned.body.errors[0].error.message).toMatch(/no Twilio phone number/);
      expect(proxy.requests.length).toBe(requests);
    });

    it("turns Twilio's refusal into a clear 422 and keeps nothing", async () => {
      const rows = await count('text_messages');
      proxy.refuseNext(400, { code: 21211, message: "The 'To' number +12125550199 is not a valid phone number.", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
      const response = await send(admin.auth, { phone_number: '+12125550199', content: 'x' }).expect(422);
      expect(response.body.errors[0].error).toMatchObject({
        resource: 'text_message',
        field: '/phone_number',
        code: 'invalid',
        message: "Twilio refused the request: The 'To' number +12125550199 is not a valid phone number. (Twilio error 21211)",
      });
      expect(await count('text_messages')).toBe(rows);
      expect((await publishedEvents(stack, TelephonyEvents.textMessage.sent, admin.accountId)).some((e) => e.remotePhoneNumber === '+12125550199')).toBe(false);
    });

    it("reads Prism's own validation error (a malformed callback URL) as Twilio refusing the request", async () => {
      const adapter = stack.services.find((s) => s.name === 'telephony')!.app.get(TwilioAdapter);
      const refusal = await adapter.sendMessage({ from: ADMIN_NUMBER, to: '+12125550147', body: 'x', statusCallback: 'http://crm test/status' }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ status: 422, errors: [{ code: 'invalid', message: 'Twilio refused the request: Twilio answered HTTP 422' }] });
    });
  });

  describe('replies', () => {
    const receive = async (to: string, from: string, body: string) => {
      const messageSid = sid('SM');
      await twilio.post('sms', { MessageSid: messageSid, From: from, To: to, Body: body }).expect(200);
      let id = 0;
      await eventually(async () => {
        const list = await api.get('/v2/text_messages').set(admin.auth).expect(200);
        const found = list.body.items.find((i: { data: { content: string } }) => i.data.content === body);
        expect(found).toBeDefined();
        id = found.data.id;
      });
      return id;
    };

    it('answer a text received on your own number, to its sender', async () => {
      const id = await receive(ADMIN_NUMBER, '+12125550188', 'Can you call me?');
      const reply = (await send(admin.auth, { in_reply_to: id, content: 'Calling you at 3' }).expect(201)).body.data;
      expect(reply).toMatchObject({ in_reply_to: id, resource_phone_number: '+12125550188', user_phone_number: ADMIN_NUMBER });
      expect(proxy.last('/Messages.json').form).toMatchObject({ From: ADMIN_NUMBER, To: '+12125550188', Body: 'Calling you at 3' });
    });

    it("refuse (403) a text sent to a colleague's number and your own outgoing ones; another's unseen text is 404", async () => {
      const requests = proxy.requests.length;
      const toColleague = await receive(COLLEAGUE_NUMBER, '+12125550177', 'For your colleague');
      const refused = await send(admin.auth, { in_reply_to: toColleague, content: 'x' }).expect(403);
      expect(refused.body.errors[0].error.message).toBe('you can reply only to messages sent to your own number');
      const outgoing = (await api.get('/v2/text_messages').set(admin.auth).expect(200)).body.items.find(
        (i: { data: { incoming: boolean; user_phone_number: string } }) => !i.data.incoming && i.data.user_phone_number === ADMIN_NUMBER,
      );
      await send(admin.auth, { in_reply_to: outgoing.data.id, content: 'x' }).expect(403);
      const mine = await receive(ADMIN_NUMBER, '+12125550166', 'Only for the admin');
      await send(colleague.auth, { in_reply_to: mine, content: 'x' }).expect(404);
      await send(admin.auth, { in_reply_to: 99999999, content: 'x' }).expect(404);
      await send(admin.auth, { in_reply_to: mine, phone_number: '+12125550166', content: 'x' }).expect(422);
      expect(proxy.requests.length).toBe(requests);
    });
  });

  describe('click-to-call', () => {
    it("rings the user's own phone, bridges to the lead when answered, records, and plays the recording", async () => {
      const response = await api.post('/v2/calls/dial').set(admin.auth).send({ data: { resource_type: 'lead', resource_id: lead.id } }).expect(201);
      expect(response.body.meta.type).toBe('outbound_call');
      const call = response.body.data;
      expect(call).toMatchObject({
        user_id: admin.userId,
        user_phone_number: ADMIN_NUMBER,
        user_own_phone_number: ADMIN_OWN_PHONE,
        phone_number: '+12125550140',
        resource_type: 'lead',
        resource_id: lead.id,
      });
      expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
      const created = proxy.last('/Calls.json').form;
      expect(created).toMatchObject({ From: ADMIN_NUMBER, To: ADMIN_OWN_PHONE, Record: 'true' });
      expect(created.Url).toMatch(/^http:\/\/crm\.test\/webhooks\/twilio\/voice\?ref=/);
      expect(created.StatusCallback).toMatch(/^http:\/\/crm\.test\/webhooks\/twilio\/status\?ref=/);
      expect(created.RecordingStatusCallback).toMatch(/^http:\/\/crm\.test\/webhooks\/twilio\/recording\?ref=/);
      expect((await callEvents(call.sid))[0]).toMatchObject({ direction: 'outbound', status: 'queued', missed: false, remotePhoneNumber: '+12125550140', resource: { resource_type: 'lead', resource_id: lead.id } });

      const answered = { CallSid: call.sid, From: ADMIN_NUMBER, To: ADMIN_OWN_PHONE, Direction: 'outbound-api', CallStatus: 'in-progress' };
      const bridge = await callBack(created.Url, answered).expect(200);
      expect(bridge.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="+14155550100"><Number>+12125550140</Number></Dial></Response>');
      expect((await callBack(created.Url, answered).expect(200)).text).toBe(bridge.text);

      await callBack(created.StatusCallback, { ...answered, CallStatus: 'completed', CallDuration: '65' }).expect(200);
      const recordingSid = sid('RE');
      await callBack(created.RecordingStatusCallback, { CallSid: call.sid, RecordingSid: recordingSid, RecordingStatus: 'completed', RecordingDuration: '58', RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/${recordingSid}` }).expect(200);
      const events = await callEvents(call.sid);
      expect(events.map((e) => [e.status, e.missed, e.duration])).toEqual([
        ['queued', false, 0],
        ['in-progress', false, 0],
        ['completed', false, 65],
        ['completed', false, 65],
      ]);
      const recordingId = events[3].recordingId;
      expect(recordingId).toEqual(expect.any(Number));

      // Communications keeps the call (matched to the lead) with the recording; playing it streams through the gateway.
      let callId = 0;
      await eventually(async () => {
        const calls = (await api.get(`/v2/calls?resource_type=lead&resource_id=${lead.id}`).set(admin.auth).expect(200)).body.items;
        const found = calls.find((i: { data: { recording_id?: number } }) => i.data.recording_id === recordingId);
        expect(found).toBeDefined();
        callId = found.data.id;
      });
      const played = await api.get(`/v2/calls/${callId}/recording`).set(admin.auth).buffer(true).expect(200);
      // Prism serves no media (the spec has no .mp3 endpoint): the recording's own resource stands in.
      expect(played.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(played.headers['content-length'])).toBe(Buffer.byteLength(played.text));
      expect(JSON.parse(played.text)).toHaveProperty('sid');
      expect(proxy.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/Recordings/${recordingSid}.mp3`))).toBe(true);

      await api.get(`/v2/calls/${callId}/recording`).set(colleague.auth).expect(404);
      const other = await stack.createAccount('Third company');
      await api.get(`/v2/calls/${callId}/recording`).set(other.auth).expect(404);
      const logged = (await api.post('/v2/calls').set(admin.auth).send({ data: { phone_number: '+12125550140' } }).expect(200)).body.data;
      await api.get(`/v2/calls/${logged.id}/recording`).set(admin.auth).expect(404);
    });

    it('refuses without an own phone, a Twilio number, a visible record or a destination; nothing is called', async () => {
      const requests = proxy.requests.length;
      const rows = await count('calls');
      const noOwnPhone = await api.post('/v2/calls/dial').set(colleague.auth).send({ data: { phone_number: '+12125550147' } }).expect(422);
      expect(noOwnPhone.body.errors[0].error.message).toMatch(/set your own phone/);
      await api.put(`/v2/users/${colleague.id}`).set(admin.auth).send({ data: { phone_number: '+14155550198' } }).expect(200);
      await api.post('/v2/calls/dial').set(colleague.auth).send({ data: { resource_type: 'lead', resource_id: lead.id } }).expect(404);
      await api.post('/v2/calls/dial').set(admin.auth).send({ data: {} }).expect(422);
      await api.post('/v2/calls/dial').set(admin.auth).send({ data: { phone_number: '+12125550147', content: 'x' } }).expect(422);
      const newcomer = await createRep(api, admin.auth, { phone_number: '+14155550197' });
      await api.post('/v2/calls/dial').set(newcomer.auth).send({ data: { phone_number: '+12125550147' } }).expect(422);
      expect(proxy.requests.length).toBe(requests);
      expect(await count('calls')).toBe(rows);
    });

    it('a bridge callback for a call we do not know hangs up and keeps nothing', async () => {
      const response = await twilio.post('voice', { CallSid: sid('CA'), From: ADMIN_NUMBER, To: ADMIN_OWN_PHONE }, { query: 'ref=unknown-ref' }).expect(200);
      expect(response.text).toContain('<Hangup/>');
    });
  });

  it('answers 503 when Twilio cannot be reached, keeping nothing', async () => {
    const rows = await count('text_messages');
    const calls = await count('calls');
    await proxy.stop();
    const text = await send(admin.auth, { phone_number: '+12125550147', content: 'Nobody there' }).expect(503);
    expect(text.body.errors[0].error.message).toBe('Twilio could not be reached; try again later');
    await api.post('/v2/calls/dial').set(admin.auth).send({ data: { phone_number: '+12125550147' } }).expect(503);
    expect(await count('text_messages')).toBe(rows);
    expect(await count('calls')).toBe(calls);
  });
});
