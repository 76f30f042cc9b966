import { PhoneCenterCallDto, PhoneCenterEvents, PhoneCenterTextMessageDto, TelephonyEvents, TextConversationDeletedEvent } from '@crm/contracts';
import { factories, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { communicationsService } from '../src/app';
import { Collection, createUser } from './communication-center-support';
import { callEvent, communicationsRows, newNumber, TelephonyEventPublisher, textEvent } from './phone-center-events';
import { Api, Auth, eventually, outboxCount, processedByCommunications } from './support';

/**
 * What communications does with telephony's events and what it tells telephony: idempotent and
 * ordered storage by Twilio sid, deleted conversations that leave nothing behind, and calls and
 * texts that follow their record's deletion.
 */
describe('Communication Center: telephony events and deletions', () => {
  let stack: Stack;
  let api: Api;
  let telephony: TelephonyEventPublisher;
  let admin: { auth: Auth; accountId: number; userId: number };

  const calls = async (auth: Auth, query: Record<string, string | number> = {}) =>
    (await api.get('/v2/communications/calls').query({ per_page: 100, ...query }).set(auth).expect(200)).body as Collection<PhoneCenterCallDto>;
  const texts = async (auth: Auth, query: Record<string, string | number> = {}) =>
    (await api.get('/v2/communications/text_messages').query({ per_page: 100, ...query }).set(auth).expect(200)).body as Collection<PhoneCenterTextMessageDto>;
  const textBySid = async (sid: string) => (await texts(admin.auth)).items.map((item) => item.data).find((text) => text.external_id === sid);
  const callBySid = async (sid: string) => (await calls(admin.auth)).items.map((item) => item.data).find((call) => call.external_id === sid);
  const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();

  beforeAll(async () => {
    stack = await startStack({ services: ['records', communicationsService, 'gateway'] });
    api = request(stack.gatewayUrl);
    telephony = await TelephonyEventPublisher.connect(stack);
    admin = await stack.createAccount();
  });
  afterAll(async () => {
    await telephony?.close();
    await stack?.stop();
  });

  it('stores a retried webhook once: the same state under a new event id changes nothing', async () => {
    const number = newNumber();
    const sms = textEvent(admin.accountId, admin.userId, number);
    await telephony.text(sms);
    const stored = await textBySid(sms.messageSid);
    await telephony.text(sms); // telephony published the retried webhook as a new event
    await telephony.text(sms, TelephonyEvents.textMessage.status);
    expect((await texts(admin.auth)).items.filter((item) => item.data.external_id === sms.messageSid)).toHaveLength(1);
    expect(await textBySid(sms.messageSid)).toEqual(stored);

    const callsCreated = await outboxCount(stack, 'communications.call.created.v1');
    const callsUpdated = await outboxCount(stack, 'communications.call.updated.v1');
    const call = callEvent(admin.accountId, admin.userId, number);
    await telephony.call(call);
    const storedCall = await callBySid(call.callSid);
    await telephony.call(call);
    expect(await callBySid(call.callSid)).toEqual(storedCall);
    expect((await calls(admin.auth)).items.filter((item) => item.data.external_id === call.callSid)).toHaveLength(1);
    expect(await outboxCount(stack, 'communications.call.created.v1')).toBe(callsCreated + 1);
    expect(await outboxCount(stack, 'communications.call.updated.v1')).toBe(callsUpdated);
  });

  it('never lets an older status overwrite a newer one, whatever order the events arrive in', async () => {
    const number = newNumber();
    const t0 = Date.now();
    const outbound = textEvent(admin.accountId, admin.userId, number, { direction: 'outbound', body: 'Your quote is ready', status: 'queued', occurredAt: at(t0, 0) });
    await telephony.text({ ...outbound, status: 'delivered', occurredAt: at(t0, 3) }, TelephonyEvents.textMessage.status);
    await telephony.text({ ...outbound, status: 'sent', occurredAt: at(t0, 2) }, TelephonyEvents.textMessage.status);
    await telephony.text(outbound, TelephonyEvents.textMessage.sent);
    expect(await textBySid(outbound.messageSid)).toMatchObject({ status: 'delivered', content: 'Your quote is ready', incoming: false, unread: false });
    // A later final state (Twilio reports the carrier's failure after all) does apply.
    await telephony.text({ ...outbound, status: 'undelivered', errorCode: '30003', errorMessage: 'Unreachable handset', occurredAt: at(t0, 4) }, TelephonyEvents.textMessage.status);
    expect(await textBySid(outbound.messageSid)).toMatchObject({ status: 'undelivered', error_code: '30003', error_message: 'Unreachable handset' });

    const call = callEvent(admin.accountId, admin.userId, number, { status: 'ringing', duration: 0, occurredAt: at(t0, 0) });
    await telephony.call({ ...call, status: 'completed', missed: true, voicemail: true, duration: 31, recordingId: 5, occurredAt: at(t0, 5) });
    await telephony.call({ ...call, status: 'in-progress', occurredAt: at(t0, 2) });
    await telephony.call(call);
    const stored = await callBySid(call.callSid);
    expect(stored).toMatchObject({ status: 'completed', missed: true, voicemail: true, duration: 31, recording_id: 5 });
    expect(stored!.recording_url).toBe(`http://crm.test/v2/calls/${stored!.id}/recording`);
    // A later event that no longer names the recording keeps it.
    await telephony.call({ ...call, status: 'completed', missed: true, duration: 31, occurredAt: at(t0, 6) });
    expect(await callBySid(call.callSid)).toMatchObject({ recording_id: 5, voicemail: true, recording_url: stored!.recording_url });
  });

  it('refuses malformed events without storing anything, and keeps calls of numbers nobody has out of the lists', async () => {
    const number = newNumber();
    const bad = textEvent(admin.accountId, admin.userId, number, { status: 'lost' as never });
    const badId = await telephony.publish(TelephonyEvents.textMessage.received, bad);
    const noSid = textEvent(admin.accountId, admin.userId, number, { messageSid: '' });
    const noSidId = await telephony.publish(TelephonyEvents.textMessage.received, noSid);
    const badCall = callEvent(admin.accountId, admin.userId, number, { duration: -1 });
    const badCallId = await telephony.publish(TelephonyEvents.call.updated, badCall);
    // Events behind them are processed; the malformed ones are retried, then dead-lettered.
    await telephony.call(callEvent(admin.accountId, null, number));
    const nobodys = textEvent(admin.accountId, null, number);
    await telephony.text(nobodys);
    for (const eventId of [badId, noSidId, badCallId]) expect(await processedByCommunications(stack, eventId)).toBe(false);
    expect(await communicationsRows(stack, `SELECT id FROM communications.text_messages WHERE remote_phone_e164 = $1 AND user_id IS NOT NULL`, [number])).toEqual([]);
    expect(await communicationsRows(stack, `SELECT id FROM communications.calls WHERE remote_phone_e164 = $1`, [number])).toEqual([]);
    // A text to a number nobody has is kept (an admin sees it in Sell's list), but is in no one's Communication Center.
    const sellTexts = (await api.get('/v2/text_messages').query({ per_page: 100 }).set(admin.auth).expect(200)).body.items.map((item: { data: { resource_phone_number: string } }) => item.data.resource_phone_number);
    expect(sellTexts).toContain(number);
    expect(await textBySid(nobodys.messageSid)).toBeUndefined();
  });

  it('deletes a conversation permanently, stars and thread items with it, and tells telephony which messages to delete', async () => {
    const rep = await createUser(stack, api, admin, 'Sales rep');
    const [number, otherNumber] = [newNumber(), newNumber()];
    const lead = (await api.post('/v2/leads').set(admin.auth).send({ data: factories.lead({ phone: number }) }).expect(200)).body.data;
    await eventually(async () => expect(await communicationsRows(stack, `SELECT 1 FROM communications.record_phones WHERE resource_id = $1 AND resource_type = 'lead'`, [lead.id])).toHaveLength(1));

    const conversation = [
      textEvent(admin.accountId, admin.userId, number, { userPhoneNumber: '+14155550111' }),
      textEvent(admin.accountId, admin.userId, number, { userPhoneNumber: '+14155550111', direction: 'outbound', status: 'delivered' }),
      // The user's number changed: still the same conversation with the number.
      textEvent(admin.accountId, admin.userId, number, { userPhoneNumber: '+14155550222' }),
    ];
    for (const sms of conversation) await telephony.text(sms);
    const kept = [textEvent(admin.accountId, rep.id, number), textEvent(admin.accountId, admin.userId, otherNumber)];
    for (const sms of kept) await telephony.text(sms);
    const sids = conversation.map((sms) => sms.messageSid);
    const ids = (await communicationsRows<{ id: number }>(stack, `SELECT id FROM communications.text_messages WHERE sid = ANY($1)`, [sids])).map((row) => row.id);
    expect(ids).toHaveLength(3);

    // Starred, and in a thread on the lead: both go with the messages.
    await api.post('/v2/stars').set(admin.auth).send({ data: { item_type: 'text_message', item_id: ids[0] } }).expect((r) => expect([200, 201]).toContain(r.status));
    const thread = (await api.post('/v2/threads').set(admin.auth).send({ data: { resource_type: 'lead', resource_id: lead.id, name: 'Pricing' } }).expect((r) => expect([200, 201]).toContain(r.status))).body.data;
    await api.post(`/v2/threads/${thread.id}/items`).set(admin.auth).send({ data: { item_type: 'text_message', item_id: ids[1] } }).expect((r) => expect([200, 201]).toContain(r.status));
    expect(await communicationsRows(stack, `SELECT 1 FROM communications.stars WHERE text_message_id = ANY($1)`, [ids])).toHaveLength(1);
    expect(await communicationsRows(stack, `SELECT 1 FROM communications.thread_items WHERE text_message_id = ANY($1)`, [ids])).toHaveLength(1);

    const announced: TextConversationDeletedEvent[] = [];
    const subscription = telephony.nats.subscribe(telephony.subjectPrefix + PhoneCenterEvents.textConversationDeleted, {
      callback: (error, message) => {
        if (!error) announced.push(message.json<TextConversationDeletedEvent>());
      },
    });
    try {
      // Only the user's own conversations: the rep has none with these numbers.
      await api.delete(`/v2/communications/text_messages/conversations/${encodeURIComponent(otherNumber)}`).set(rep.auth).expect(404);
      await api.delete(`/v2/communications/text_messages/conversations/${encodeURIComponent(number)}`).set(admin.auth).expect(204);
      await eventually(async () => expect(announced).toHaveLength(2), 20_000);
    } finally {
      subscription.unsubscribe();
    }

    // Nothing of it remains in communications.
    expect(await communicationsRows(stack, `SELECT id FROM communications.text_messages WHERE sid = ANY($1) OR id = ANY($2)`, [sids, ids])).toEqual([]);
    expect(await communicationsRows(stack, `SELECT id FROM communications.text_messages WHERE account_id = $1 AND user_id = $2 AND (remote_phone_e164 = $3 OR resource_phone_number = $3)`, [admin.accountId, admin.userId, number])).toEqual([]);
    expect(await communicationsRows(stack, `SELECT 1 FROM communications.stars WHERE text_message_id = ANY($1)`, [ids])).toEqual([]);
    expect(await communicationsRows(stack, `SELECT 1 FROM communications.thread_items WHERE text_message_id = ANY($1)`, [ids])).toEqual([]);
    // On the lead, only the rep's own message with the number is left.
    const onLead = (await api.get('/v2/text_messages').query({ resource_type: 'lead', resource_id: lead.id }).set(admin.auth).expect(200)).body.items;
    expect(onLead.map((item: { data: { user_id: number } }) => item.data.user_id)).toEqual([rep.id]);
    // Telephony is told, per number of the user's, every MessageSid to delete.
    expect(announced.map((event) => ({ ...event, messageSids: [...event.messageSids].sort() })).sort((a, b) => a.userPhoneNumber.localeCompare(b.userPhoneNumber))).toEqual([
      expect.objectContaining({ accountId: admin.accountId, userId: admin.userId, userPhoneNumber: '+14155550111', remotePhoneNumber: number, messageSids: sids.slice(0, 2).sort() }),
      expect.objectContaining({ accountId: admin.accountId, userId: admin.userId, userPhoneNumber: '+14155550222', remotePhoneNumber: number, messageSids: [sids[2]] }),
    ]);
    // Other people's messages and other conversations stay.
    const left = await communicationsRows<{ sid: string }>(stack, `SELECT sid FROM communications.text_messages WHERE sid = ANY($1)`, [kept.map((sms) => sms.messageSid)]);
    expect(left).toHaveLength(2);

    await api.delete(`/v2/communications/text_messages/conversations/${encodeURIComponent(number)}`).set(admin.auth).expect(404);
    await api.delete('/v2/communications/text_messages/conversations/not-a-number').set(admin.auth).expect(404);
    const other = await stack.createAccount('Elsewhere');
    await api.delete(`/v2/communications/text_messages/conversations/${encodeURIComponent(otherNumber)}`).set(other.auth).expect(404);
    expect(await textBySid(kept[1].messageSid)).toBeDefined();
  });

  it("moves a deleted record's calls and texts to the next record with the number, or leaves them unmatched", async () => {
    const number = newNumber();
    const createLead = async (attributes: Record<string, unknown>) =>
      (await api.post('/v2/leads').set(admin.auth).send({ data: factories.lead(attributes) }).expect(200)).body.data as { id: number };
    const first = await createLead({ phone: number });
    const second = await createLead({ mobile: number });
    await eventually(async () =>
      expect(await communicationsRows(stack, `SELECT 1 FROM communications.record_phones WHERE resource_id = ANY($1)`, [[first.id, second.id]])).toHaveLength(2),
    );
    const call = callEvent(admin.accountId, admin.userId, number);
    const sms = textEvent(admin.accountId, admin.userId, number);
    await telephony.call(call);
    await telephony.text(sms);
    // The older lead takes the number's calls and texts.
    expect(await callBySid(call.callSid)).toMatchObject({ resource_type: 'lead', resource_id: first.id });
    const logged = (await api.post('/v2/calls').set(admin.auth).send({ data: { phone_number: number, resource_type: 'lead', resource_id: first.id } }).expect(200)).body.data;

    await api.delete(`/v2/leads/${first.id}`).set(admin.auth).expect(204);
    await eventually(async () => {
      expect(await callBySid(call.callSid)).toMatchObject({ resource_type: 'lead', resource_id: second.id, matched: true });
      expect(await textBySid(sms.messageSid)).toMatchObject({ resource_type: 'lead', resource_id: second.id });
    });
    // A call logged by hand on the deleted lead goes with it, as before.
    await api.get(`/v2/calls/${logged.id}`).set(admin.auth).expect(404);

    await api.delete(`/v2/leads/${second.id}`).set(admin.auth).expect(204);
    await eventually(async () => {
      expect(await callBySid(call.callSid)).toMatchObject({ resource_type: null, resource_id: null, matched: false });
      expect(await textBySid(sms.messageSid)).toMatchObject({ resource_type: null, matched: false });
    });
    const unmatched = (await calls(admin.auth, { matched: 'false' })).items.map((item) => item.data.external_id);
    expect(unmatched).toContain(call.callSid);
  });
});
