import { PhoneCenterEvents, TelephonyEvents } from '@crm/contracts';
import { EVENT_TRANSPORT, EventTransport } from '@crm/platform';
import { Stack } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
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

/** Numbers, and Twilio's inbound webhooks signed exactly as Twilio signs them, through the gateway. */
describe('telephony: numbers and inbound webhooks', () => {
  let stack: Stack;
  let api: Api;
  let twilio: TwilioWebhooks;
  let admin: { auth: Auth; userId: number; accountId: number };
  let rep: { id: number; auth: Auth };
  let assigned: request.Response;
  const ADMIN_NUMBER = '+14155550100';
  const ADMIN_OWN_PHONE = '+14155550199';
  const REP_NUMBER = '+14155550101';
  const CALLER = '+12125550123';

  beforeAll(async () => {
    stack = await startTelephonyStack();
    api = request(stack.gatewayUrl);
    twilio = new TwilioWebhooks(stack.gatewayUrl);
    const account = await stack.createAccount();
    admin = { auth: account.auth, userId: account.userId, accountId: account.accountId };
    rep = await createRep(api, admin.auth);
    await api.put(`/v2/users/${admin.userId}`).set(admin.auth).send({ data: { phone_number: '(415) 555-0199' } }).expect(200);
    assigned = await api.post('/v2/phone_numbers').set(admin.auth).send({ data: { user_id: admin.userId, phone_number: '+1 (415) 555-0100' } });
    await api.post('/v2/phone_numbers').set(admin.auth).send({ data: { user_id: rep.id, phone_number: REP_NUMBER } }).expect(200);
  });
  afterAll(() => stack?.stop());

  const countRows = async (table: string, where = 'true', parameters: unknown[] = []) =>
    Number((await telephonyRows<{ n: string }>(stack, `SELECT count(*) AS n FROM telephony.${table} WHERE ${where}`, parameters))[0].n);

  describe('phone numbers', () => {
    it('an admin assigns a number to a user, stored in E.164', async () => {
      expect(assigned.status).toBe(200);
      expect(assigned.body).toMatchObject({ data: { user_id: admin.userId, phone_number: ADMIN_NUMBER }, meta: { type: 'phone_number' } });

      const list = await api.get('/v2/phone_numbers').set(rep.auth).expect(200);
      expect(list.body.meta).toMatchObject({ type: 'collection', count: 2 });
      expect(list.body.items.map((i: { data: { phone_number: string } }) => i.data.phone_number)).toEqual([ADMIN_NUMBER, REP_NUMBER]);
      const mine = await api.get(`/v2/phone_numbers?user_id=${rep.id}`).set(rep.auth).expect(200);
      expect(mine.body.items).toHaveLength(1);
      expect(mine.body.items[0].data.phone_number).toBe(REP_NUMBER);
    });

    it.each([
      ['a number without its country code', { phone_number: '4155550123' }, '/phone_number'],
      ['not a number', { phone_number: '12345' }, '/phone_number'],
      ['a channel address', { phone_number: 'whatsapp:+14155550123' }, '/phone_number'],
      ['no number', { phone_number: undefined }, '/phone_number'],
      ['a user id that is not an integer', { user_id: 'me' }, '/user_id'],
      ['an unknown attribute', { label: 'Sales line' }, '/label'],
    ])('refuses %s with 422, storing nothing', async (_, change, field) => {
      const data = { user_id: admin.userId, phone_number: '+14155550123', ...change };
      const response = await api.post('/v2/phone_numbers').set(admin.auth).send({ data }).expect(422);
      expect(response.body.errors.map((e: { error: { field: string } }) => e.error.field)).toContain(field);
      expect(await countRows('phone_numbers')).toBe(2);
    });

    it('refuses a taken number or a second number for a user with 409', async () => {
      const taken = await api.post('/v2/phone_numbers').set(admin.auth).send({ data: { user_id: admin.userId, phone_number: REP_NUMBER } }).expect(409);
      expect(taken.body.errors[0].error.code).toBe('conflict');
      const second = await api.post('/v2/phone_numbers').set(admin.auth).send({ data: { user_id: rep.id, phone_number: '+14155550177' } }).expect(409);
      expect(second.body.errors[0].error.message).toMatch(/already has a phone number/);
      expect(await countRows('phone_numbers')).toBe(2);
    });

    it('only users who manage settings assign or remove numbers (403, nothing changed)', async () => {
      const extra = await createRep(api, admin.auth);
      const refused = await api.post('/v2/phone_numbers').set(rep.auth).send({ data: { user_id: extra.id, phone_number: '+14155550177' } }).expect(403);
      expect(refused.body.errors[0].error.code).toBe('forbidden');
      const [own] = (await api.get(`/v2/phone_numbers?user_id=${rep.id}`).set(rep.auth)).body.items;
      await api.delete(`/v2/phone_numbers/${own.data.id}`).set(rep.auth).expect(403);
      expect(await countRows('phone_numbers')).toBe(2);
    });

    it("another account's users and numbers are 404, and nothing changes", async () => {
      const other = await stack.createAccount('Other company');
      await api.post('/v2/phone_numbers').set(other.auth).send({ data: { user_id: admin.userId, phone_number: '+14155550177' } }).expect(404);
      const [number] = (await api.get('/v2/phone_numbers').set(admin.auth)).body.items;
      await api.delete(`/v2/phone_numbers/${number.data.id}`).set(other.auth).expect(404);
      expect((await api.get('/v2/phone_numbers').set(other.auth).expect(200)).body.items).toEqual([]);
      await api.delete('/v2/phone_numbers/abc').set(admin.auth).expect(404);
      expect(await countRows('phone_numbers')).toBe(2);
    });

    it('a removed number can be assigned again', async () => {
      const extra = await createRep(api, admin.auth);
      const created = await api.post('/v2/phone_numbers').set(admin.auth).send({ data: { user_id: extra.id, phone_number: '+14155550177' } }).expect(200);
      await api.delete(`/v2/phone_numbers/${created.body.data.id}`).set(admin.auth).expect(204);
      await api.delete(`/v2/phone_numbers/${created.body.data.id}`).set(admin.auth).expect(404);
      await api.post('/v2/phone_numbers').set(admin.auth).send({ data: { user_id: rep.id === extra.id ? admin.userId : extra.id, phone_number: '+14155550177' } }).expect(200);
    });
  });

  describe('inbound SMS', () => {
    const sms = (messageSid: string, overrides: Record<string, string> = {}) => ({
      AccountSid: 'ACignored',
      MessageSid: messageSid,
      SmsSid: messageSid,
      From: CALLER,
      To: ADMIN_NUMBER,
      Body: "It's me, call me back?",
      NumMedia: '0',
      ...overrides,
    });

    it('is stored once and announced, even when Twilio retries it (also concurrently)', async () => {
      const messageSid = sid('SM');
      const first = await twilio.post('sms', sms(messageSid)).expect(200);
      expect(first.headers['content-type']).toMatch(/^text\/xml/);
      expect(first.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      const retries = await Promise.all([1, 2, 3].map(() => twilio.post('sms', sms(messageSid)).expect(200)));
      expect(retries.map((r) => r.text)).toEqual([first.text, first.text, first.text]);

      expect(await countRows('text_messages', 'message_sid = $1', [messageSid])).toBe(1);
      const events = (await publishedEvents(stack, TelephonyEvents.textMessage.received, admin.accountId)).filter((e) => e.messageSid === messageSid);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        accountId: admin.accountId,
        direction: 'inbound',
        userId: admin.userId,
        userPhoneNumber: ADMIN_NUMBER,
        remotePhoneNumber: CALLER,
        body: "It's me, call me back?",
        status: 'received',
        resource: null,
      });
    });

    it.each([
      ['a forged signature', () => 'RSOYDt4T1cUTdK1PDd93/VVr8B8='],
      ['no signature', () => null],
      ['a signature made with another auth token', (params: Record<string, string>) => new TwilioWebhooks('', 'f'.repeat(32)).sign('/webhooks/twilio/sms', params)],
    ])('refuses %s with 403: nothing stored or published', async (_, signatureFor) => {
      const messageSid = sid('SM');
      const response = await twilio.post('sms', sms(messageSid), { signature: signatureFor(sms(messageSid)) }).expect(403);
      expect(response.body.errors[0].error.code).toBe('forbidden');
      expect(await countRows('text_messages', 'message_sid = $1', [messageSid])).toBe(0);
      expect(await countRows('webhook_log', 'sid = $1', [messageSid])).toBe(0);
      const events = await publishedEvents(stack, TelephonyEvents.textMessage.received, admin.accountId);
      expect(events.some((e) => e.messageSid === messageSid)).toBe(false);
    });

    it('refuses a signed request whose parameters or URL were changed on the way (403)', async () => {
      const messageSid = sid('SM');
      const signature = twilio.sign('/webhooks/twilio/sms', sms(messageSid));
      await twilio.post('sms', sms(messageSid, { Body: 'changed' }), { signature }).expect(403);
      await twilio.post('sms', sms(messageSid), { signature, query: 'extra=1' }).expect(403);
      await twilio.post('voice', sms(messageSid), { signature }).expect(403);
      expect(await countRows('text_messages', 'message_sid = $1', [messageSid])).toBe(0);
    });

    it('keeps nothing for a number nobody here has', async () => {
      const messageSid = sid('SM');
      const response = await twilio.post('sms', sms(messageSid, { To: '+14155550150' })).expect(200);
      expect(response.text).toContain('<Response/>');
      expect(await countRows('text_messages', 'message_sid = $1', [messageSid])).toBe(0);
    });

    it('refuses an unknown webhook kind (404) and a signed webhook missing its sid (400)', async () => {
      await twilio.post('fax', sms(sid('SM'))).expect(404);
      const { MessageSid: _, SmsSid: __, ...withoutSid } = sms('x');
      await twilio.post('sms', withoutSid).expect(400);
    });

    it("deletes its copies when the Communication Center deletes the conversation", async () => {
      const messageSid = sid('SM');
      await twilio.post('sms', sms(messageSid, { Body: 'private' })).expect(200);
      expect(await countRows('text_messages', 'message_sid = $1', [messageSid])).toBe(1);
      const transport = stack.services.find((s) => s.name === 'telephony')!.app.get<symbol, EventTransport>(EVENT_TRANSPORT);
      const eventId = randomUUID();
      await transport.publish([
        {
          subject: PhoneCenterEvents.textConversationDeleted,
          eventId,
          payload: {
            accountId: admin.accountId,
            eventId,
            occurredAt: new Date().toISOString(),
            userId: admin.userId,
            userPhoneNumber: ADMIN_NUMBER,
            remotePhoneNumber: CALLER,
            messageSids: [messageSid],
          },
        },
      ]);
      await eventually(async () => expect(await countRows('text_messages', 'message_sid = $1', [messageSid])).toBe(0));
      expect(await countRows('text_messages', "body = 'private'")).toBe(0);
    });
  });

  describe('inbound calls', () => {
    const call = (callSid: string, overrides: Record<string, string> = {}) => ({
      CallSid: callSid,
      AccountSid: 'ACignored',
      From: CALLER,
      To: ADMIN_NUMBER,
      CallStatus: 'ringing',
      Direction: 'inbound',
      ...overrides,
    });
    const callEvents = async (callSid: string) =>
      (await publishedEvents(stack, TelephonyEvents.call.updated, admin.accountId)).filter((e) => e.callSid === callSid);

    it("rings the user's own phone and records; unanswered, it goes to voicemail and counts as missed", async () => {
      const callSid = sid('CA');
      const ring = await twilio.post('voice', call(callSid)).expect(200);
      expect(ring.headers['content-type']).toMatch(/^text\/xml/);
      expect(ring.text).toContain(`<Number>${ADMIN_OWN_PHONE}</Number>`);
      expect(ring.text).toContain('record="record-from-answer"');
      expect(ring.text).toContain('action="http://crm.test/webhooks/twilio/voice?step=dial-ended"');
      expect(ring.text).toContain('recordingStatusCallback="http://crm.test/webhooks/twilio/recording"');
      // Twilio retries: the same TwiML, nothing new.
      expect((await twilio.post('voice', call(callSid)).expect(200)).text).toBe(ring.text);
      expect(await callEvents(callSid)).toEqual([expect.objectContaining({ status: 'ringing', missed: false, direction: 'inbound', remotePhoneNumber: CALLER, userPhoneNumber: ADMIN_NUMBER })]);

      const voicemail = await twilio.post('voice', { ...call(callSid, { CallStatus: 'in-progress' }), DialCallStatus: 'no-answer', DialCallSid: sid('CA') }, { query: 'step=dial-ended' }).expect(200);
      expect(voicemail.text).toMatch(/<Say>Sorry, nobody can take your call right now\..*<\/Say><Record /);
      expect(voicemail.text).toContain('recordingStatusCallback="http://crm.test/webhooks/twilio/recording?voicemail=true"');
      expect(voicemail.text).toContain('action="http://crm.test/webhooks/twilio/voice?step=voicemail-ended"');
      expect((await twilio.post('voice', call(callSid), { query: 'step=voicemail-ended' }).expect(200)).text).toContain('<Hangup/>');

      const recordingSid = sid('RE');
      const recording = {
        AccountSid: 'ACignored',
        CallSid: callSid,
        RecordingSid: recordingSid,
        RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/ACx/Recordings/${recordingSid}`,
        RecordingStatus: 'completed',
        RecordingDuration: '17',
        RecordingChannels: '1',
        RecordingSource: 'RecordVerb',
      };
      await twilio.post('recording', recording, { query: 'voicemail=true' }).expect(200);
      await twilio.post('recording', recording, { query: 'voicemail=true' }).expect(200);
      await twilio.post('status', call(callSid, { CallStatus: 'completed', CallDuration: '31' })).expect(200);
      await twilio.post('status', call(callSid, { CallStatus: 'completed', CallDuration: '31' })).expect(200);

      const [stored] = await telephonyRows<{ id: string; duration: number; voicemail: boolean }>(stack, `SELECT id, duration, voicemail FROM telephony.recordings WHERE recording_sid = $1`, [recordingSid]);
      expect(stored).toMatchObject({ duration: 17, voicemail: true });
      const events = await callEvents(callSid);
      expect(events.map((e) => [e.status, e.missed, e.voicemail, e.recordingId])).toEqual([
        ['ringing', false, false, null],
        ['in-progress', true, true, null],
        ['in-progress', true, true, Number(stored.id)],
        ['completed', true, true, Number(stored.id)],
      ]);
      expect(events[3].duration).toBe(31);
      expect(await countRows('calls', 'call_sid = $1', [callSid])).toBe(1);
    });

    it('an answered call is completed, not missed, with the talk time', async () => {
      const callSid = sid('CA');
      await twilio.post('voice', call(callSid)).expect(200);
      const done = await twilio.post('voice', { ...call(callSid), DialCallStatus: 'completed', DialCallDuration: '42' }, { query: 'step=dial-ended' }).expect(200);
      expect(done.text).toContain('<Hangup/>');
      await twilio.post('status', call(callSid, { CallStatus: 'completed', CallDuration: '50' })).expect(200);
      const events = await callEvents(callSid);
      expect(events.at(-1)).toMatchObject({ status: 'completed', missed: false, voicemail: false, duration: 42 });
    });

    it.each(['no-answer', 'busy', 'failed', 'canceled'])('a status callback %s makes an inbound call missed', async (status) => {
      const callSid = sid('CA');
      await twilio.post('voice', call(callSid)).expect(200);
      await twilio.post('status', call(callSid, { CallStatus: status })).expect(200);
      const events = await callEvents(callSid);
      expect(events.at(-1)).toMatchObject({ status, missed: true });
      // Callbacks may come late and out of order: a final state stays.
      await twilio.post('status', call(callSid, { CallStatus: 'ringing' })).expect(200);
      expect(await callEvents(callSid)).toHaveLength(events.length);
    });

    it('a caller who hangs up while it rings is a missed call', async () => {
      const callSid = sid('CA');
      await twilio.post('voice', call(callSid)).expect(200);
      await twilio.post('status', call(callSid, { CallStatus: 'completed', CallDuration: '4' })).expect(200);
      expect((await callEvents(callSid)).at(-1)).toMatchObject({ status: 'completed', missed: true });
    });

    it('goes straight to voicemail when the user has no phone of their own', async () => {
      const callSid = sid('CA');
      const response = await twilio.post('voice', call(callSid, { To: REP_NUMBER })).expect(200);
      expect(response.text).toContain('<Record ');
      expect(response.text).not.toContain('<Dial');
      const [event] = (await publishedEvents(stack, TelephonyEvents.call.updated, admin.accountId)).filter((e) => e.callSid === callSid);
      expect(event).toMatchObject({ userId: rep.id, missed: true, voicemail: true });
    });

    it('rejects calls to a number nobody here has, keeping nothing', async () => {
      const callSid = sid('CA');
      const response = await twilio.post('voice', call(callSid, { To: '+14155550150' })).expect(200);
      expect(response.text).toContain('<Reject/>');
      expect(await countRows('calls', 'call_sid = $1', [callSid])).toBe(0);
    });

    it('refuses unsigned call and recording webhooks (403), changing nothing', async () => {
      const callSid = sid('CA');
      await twilio.post('voice', call(callSid), { signature: null }).expect(403);
      await twilio.post('voice', call(callSid)).expect(200);
      const before = await callEvents(callSid);
      await twilio.post('status', call(callSid, { CallStatus: 'no-answer' }), { signature: 'forged' }).expect(403);
      await twilio.post('recording', { CallSid: callSid, RecordingSid: sid('RE'), RecordingStatus: 'completed' }, { signature: null }).expect(403);
      expect(await callEvents(callSid)).toEqual(before);
      expect(await countRows('recordings', 'call_sid = $1', [callSid])).toBe(0);
    });
  });
});
