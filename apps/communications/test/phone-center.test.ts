import { PhoneCenterCallDto, PhoneCenterCountsDto, PhoneCenterTextMessageDto } from '@crm/contracts';
import { factories, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { communicationsService } from '../src/app';
import { Collection, createUser, phoneCounterDrift } from './communication-center-support';
import { callEvent, minutesFromNow, newNumber, TelephonyEventPublisher, textEvent } from './phone-center-events';
import { Api, Auth, eventually } from './support';

type Account = { auth: Auth; accountId: number; userId: number };

/**
 * The Communication Center for calls and texts, fed by telephony's events on real JetStream and
 * used through the gateway, with real leads, contacts and distribution pools.
 */
describe('Communication Center: calls and text messages', () => {
  let stack: Stack;
  let api: Api;
  let telephony: TelephonyEventPublisher;

  const calls = async (auth: Auth, query: Record<string, string | number> = {}) => {
    const response = await api.get('/v2/communications/calls').query({ per_page: 100, ...query }).set(auth);
    expect({ query, status: response.status, body: response.status === 200 ? undefined : response.body }).toEqual({ query, status: 200, body: undefined });
    return response.body as Collection<PhoneCenterCallDto>;
  };
  const texts = async (auth: Auth, query: Record<string, string | number> = {}) => {
    const response = await api.get('/v2/communications/text_messages').query({ per_page: 100, ...query }).set(auth);
    expect({ query, status: response.status, body: response.status === 200 ? undefined : response.body }).toEqual({ query, status: 200, body: undefined });
    return response.body as Collection<PhoneCenterTextMessageDto>;
  };
  const numbersOf = (page: Collection<{ phone_number?: string; resource_phone_number?: string }>) =>
    page.items.map((item) => item.data.phone_number ?? item.data.resource_phone_number);
  const counts = async (auth: Auth): Promise<PhoneCenterCountsDto> => (await api.get('/v2/communications/counts').set(auth).expect(200)).body.data;
  const unmatchedAction = (auth: Auth, action: string, data: Record<string, unknown>) => api.post(`/v2/communications/unmatched/${action}`).set(auth).send({ data });
  const createLead = async (auth: Auth, attributes: Record<string, unknown> = {}) =>
    (await api.post('/v2/leads').set(auth).send({ data: factories.lead(attributes) }).expect(200)).body.data as { id: number; owner_id: number };
  const createContact = async (auth: Auth, attributes: Record<string, unknown> = {}) =>
    (await api.post('/v2/contacts').set(auth).send({ data: factories.person(attributes) }).expect(200)).body.data as { id: number };

  beforeAll(async () => {
    stack = await startStack({ services: ['records', communicationsService, 'distribution', 'gateway'] });
    api = request(stack.gatewayUrl);
    telephony = await TelephonyEventPublisher.connect(stack);
  });
  afterAll(async () => {
    await telephony?.close();
    await stack?.stop();
  });

  it('shows an SMS from an unknown number as unmatched and unread; Add to Sell makes a lead and matches it and the older calls at once', async () => {
    const admin = await stack.createAccount();
    const number = newNumber();
    await telephony.call(callEvent(admin.accountId, admin.userId, number, { status: 'no-answer', missed: true, duration: 0, startedAt: minutesFromNow(-60) }));
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { body: 'Call me back please', sentAt: minutesFromNow(-5) }));

    expect(await counts(admin.auth)).toEqual({ missed_calls: 1, unread_text_messages: 1, unmatched_calls: 1, unmatched_text_messages: 1 });
    const unmatched = await texts(admin.auth, { matched: 'false' });
    expect(unmatched.meta).toMatchObject({ type: 'collection', count: 1 });
    expect(unmatched.items[0].meta).toEqual({ type: 'text_message' });
    expect(unmatched.items[0].data).toMatchObject({
      content: 'Call me back please',
      incoming: true,
      matched: false,
      unread: true,
      status: 'received',
      resource_type: null,
      resource_id: null,
      resource_phone_number: number,
      user_id: admin.userId,
    });
    expect((await texts(admin.auth, { matched: 'true' })).items).toEqual([]);

    // Written the way a person types it: the default region (US) supplies the country code.
    const local = `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`;
    const added = await unmatchedAction(admin.auth, 'add_to_sell', { phone_number: local, as: 'lead', first_name: 'Sam' }).expect(200);
    expect(added.body.meta).toEqual({ type: 'unmatched_number' });
    const lead = added.body.data;
    expect(lead).toMatchObject({ phone_number: number, resource_type: 'lead', owner_id: admin.userId, field: null, calls: 1, text_messages: 1 });

    // At once: no waiting for records' event.
    const matchedCalls = await calls(admin.auth, { matched: 'true' });
    expect(matchedCalls.items.map((item) => item.data)).toEqual([
      expect.objectContaining({ phone_number: number, matched: true, missed: true, resource_type: 'lead', resource_id: lead.resource_id }),
    ]);
    expect((await texts(admin.auth, { matched: 'true' })).items[0].data).toMatchObject({ resource_type: 'lead', resource_id: lead.resource_id, unread: true });
    expect(await counts(admin.auth)).toEqual({ missed_calls: 1, unread_text_messages: 1, unmatched_calls: 0, unmatched_text_messages: 0 });
    const record = (await api.get(`/v2/leads/${lead.resource_id}`).set(admin.auth).expect(200)).body.data;
    expect(record).toMatchObject({ first_name: 'Sam', last_name: number, phone: number, owner_id: admin.userId });

    // A second click: the number belongs to the lead now.
    const again = await unmatchedAction(admin.auth, 'add_to_sell', { phone_number: number, as: 'contact' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].error).toMatchObject({ code: 'conflict', resource: 'unmatched_number' });

    // New calls and texts from the number match the lead as they arrive.
    await telephony.call(callEvent(admin.accountId, admin.userId, number));
    expect((await calls(admin.auth, { matched: 'true' })).items.map((item) => item.data.resource_id)).toEqual([lead.resource_id, lead.resource_id]);
  });

  it('adds a number to Sell as a contact owned by the next member of a contact pool', async () => {
    const admin = await stack.createAccount();
    const rep = await createUser(stack, api, admin, 'Sales rep');
    const pool = (
      await api
        .post('/v2/distribution_pools')
        .set(admin.auth)
        .send({ data: { name: 'Inbound texts', resource_type: 'contact', members: [{ user_id: rep.id }] } })
        .expect(200)
    ).body.data;
    const number = newNumber();
    await telephony.text(textEvent(admin.accountId, admin.userId, number));

    const added = await unmatchedAction(admin.auth, 'add_to_sell', { phone_number: number, as: 'contact', first_name: 'Pat', last_name: 'Pool', owner_pool_id: pool.id }).expect(200);
    expect(added.body.data).toMatchObject({ resource_type: 'contact', owner_id: rep.id, calls: 0, text_messages: 1 });
    const contact = (await api.get(`/v2/contacts/${added.body.data.resource_id}`).set(admin.auth).expect(200)).body.data;
    expect(contact).toMatchObject({ first_name: 'Pat', last_name: 'Pool', phone: number, owner_id: rep.id });

    // The owner filter works at once too (the owner was copied from records' reply).
    expect(numbersOf(await texts(admin.auth, { matched: 'true', owner_id: rep.id }))).toEqual([number]);
    expect(numbersOf(await texts(admin.auth, { matched: 'true', owner_id: admin.userId }))).toEqual([]);

    // A lead pool cannot own a contact; nothing is created, the text stays as it was.
    const leadPool = (await api.post('/v2/distribution_pools').set(admin.auth).send({ data: { name: 'Leads', resource_type: 'lead', members: [{ user_id: rep.id }] } }).expect(200)).body.data;
    const other = newNumber();
    await telephony.text(textEvent(admin.accountId, admin.userId, other));
    const refused = await unmatchedAction(admin.auth, 'add_to_sell', { phone_number: other, as: 'contact', owner_pool_id: leadPool.id });
    expect(refused.status).toBe(422);
    expect(numbersOf(await texts(admin.auth, { matched: 'false' }))).toEqual([other]);
  });

  it('matches past unmatched calls and texts when a record gains their number, and moves them to the contact a lead becomes', async () => {
    const admin = await stack.createAccount();
    const number = newNumber();
    await telephony.call(callEvent(admin.accountId, admin.userId, number, { startedAt: minutesFromNow(-30) }));
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { direction: 'outbound', status: 'delivered', sentAt: minutesFromNow(-20) }));
    const lead = await createLead(admin.auth);
    expect((await counts(admin.auth)).unmatched_calls).toBe(1);

    const written = `+1 ${number.slice(2, 5)} ${number.slice(5, 8)} ${number.slice(8)}`;
    await api.put(`/v2/leads/${lead.id}`).set(admin.auth).send({ data: { mobile: written } }).expect(200);
    await eventually(async () => {
      expect((await calls(admin.auth, { matched: 'true' })).items.map((item) => [item.data.resource_type, item.data.resource_id])).toEqual([['lead', lead.id]]);
      expect((await texts(admin.auth, { matched: 'true' })).items.map((item) => [item.data.resource_type, item.data.resource_id])).toEqual([['lead', lead.id]]);
    });
    expect(await counts(admin.auth)).toMatchObject({ unmatched_calls: 0, unmatched_text_messages: 0 });

    const conversion = (await api.post('/v2/lead_conversions').set(admin.auth).send({ data: { lead_id: lead.id } }).expect(200)).body.data;
    const contactId = conversion.individual_id;
    await eventually(async () => {
      expect((await calls(admin.auth)).items.map((item) => [item.data.resource_type, item.data.resource_id])).toEqual([['contact', contactId]]);
      expect((await texts(admin.auth)).items.map((item) => [item.data.resource_type, item.data.resource_id])).toEqual([['contact', contactId]]);
    });
    // The contact inherited the number: a new call goes to it, not to the converted lead.
    await telephony.call(callEvent(admin.accountId, admin.userId, number));
    expect((await calls(admin.auth)).items.map((item) => item.data.resource_type)).toEqual(['contact', 'contact']);
  });

  it('counts missed calls and shows only missed calls, matched and unmatched; filters matched ones by lead status and owner', async () => {
    const admin = await stack.createAccount();
    const colleague = await createUser(stack, api, admin);
    const [newLeadNumber, workingLeadNumber, contactNumber, strangerNumber, otherStranger] = [newNumber(), newNumber(), newNumber(), newNumber(), newNumber()];
    const newLead = await createLead(admin.auth, { phone: newLeadNumber, status: 'New' });
    const workingLead = await createLead(admin.auth, { phone: workingLeadNumber, status: 'Working', owner_id: colleague.id });
    const contact = await createContact(admin.auth, { mobile: contactNumber });

    const missed = { status: 'no-answer' as const, missed: true, duration: 0 };
    const events = [
      callEvent(admin.accountId, admin.userId, newLeadNumber, { ...missed, startedAt: minutesFromNow(-50) }),
      callEvent(admin.accountId, admin.userId, workingLeadNumber, { startedAt: minutesFromNow(-40) }),
      callEvent(admin.accountId, admin.userId, strangerNumber, { ...missed, startedAt: minutesFromNow(-30) }),
      callEvent(admin.accountId, admin.userId, contactNumber, { ...missed, voicemail: true, recordingId: 7, startedAt: minutesFromNow(-20) }),
      callEvent(admin.accountId, admin.userId, otherStranger, { direction: 'outbound', startedAt: minutesFromNow(-10) }),
      // Another user's missed call: not in this user's Communication Center.
      callEvent(admin.accountId, colleague.id, strangerNumber, { ...missed, startedAt: minutesFromNow(-5) }),
    ];
    // The records' events may still be on their way: what they bring matches the calls in any order.
    for (const event of events) await telephony.call(event);

    await eventually(async () => {
      expect(numbersOf(await calls(admin.auth, { matched: 'true' }))).toEqual([contactNumber, workingLeadNumber, newLeadNumber]);
    });
    expect(await counts(admin.auth)).toEqual({ missed_calls: 3, unread_text_messages: 0, unmatched_calls: 2, unmatched_text_messages: 0 });
    const onlyMissed = await calls(admin.auth, { missed: 'true' });
    expect(numbersOf(onlyMissed)).toEqual([contactNumber, strangerNumber, newLeadNumber]);
    expect(onlyMissed.items.map((item) => item.data.matched)).toEqual([true, false, true]);
    expect(onlyMissed.items[0].data).toMatchObject({ voicemail: true, recording_id: 7, resource_type: 'contact', resource_id: contact.id });
    expect(numbersOf(await calls(admin.auth, { matched: 'false' }))).toEqual([otherStranger, strangerNumber]);
    expect(numbersOf(await calls(admin.auth, { matched: 'false', missed: 'true' }))).toEqual([strangerNumber]);

    expect(numbersOf(await calls(admin.auth, { matched: 'true', lead_status: 'New' }))).toEqual([newLeadNumber]);
    expect(numbersOf(await calls(admin.auth, { lead_status: 'Working' }))).toEqual([workingLeadNumber]);
    expect(numbersOf(await calls(admin.auth, { lead_status: 'New,Working' }))).toEqual([workingLeadNumber, newLeadNumber]);
    expect(numbersOf(await calls(admin.auth, { matched: 'true', owner_id: colleague.id }))).toEqual([workingLeadNumber]);
    expect(numbersOf(await calls(admin.auth, { matched: 'true', owner_id: admin.userId }))).toEqual([contactNumber, newLeadNumber]);
    expect(numbersOf(await calls(admin.auth, { missed: 'true', owner_id: admin.userId }))).toEqual([contactNumber, newLeadNumber]);

    // A lead's status change reaches the filter through records' event.
    await api.put(`/v2/leads/${newLead.id}`).set(admin.auth).send({ data: { status: 'Working' } }).expect(200);
    await eventually(async () => expect(numbersOf(await calls(admin.auth, { lead_status: 'Working' }))).toEqual([workingLeadNumber, newLeadNumber]));
    expect(workingLead.owner_id).toBe(colleague.id);

    // Sell paging, newest first.
    const first = await calls(admin.auth, { per_page: 2 });
    expect(numbersOf(first)).toEqual([otherStranger, contactNumber]);
    expect(first.meta.links.next_page).toContain('page=2');
    const third = await calls(admin.auth, { per_page: 2, page: 3 });
    expect(numbersOf(third)).toEqual([newLeadNumber]);
    expect(third.meta.links.next_page).toBeUndefined();

    const refusals: [Record<string, string>, number, string][] = [
      [{ matched: 'false', lead_status: 'New' }, 400, '/lead_status'],
      [{ matched: 'false', owner_id: String(admin.userId) }, 400, '/owner_id'],
      [{ matched: 'yes' }, 400, '/matched'],
      [{ owner_id: 'me' }, 400, '/owner_id'],
      [{ sort_by: 'duration:asc' }, 400, '/sort_by'],
      [{ unread: 'true' }, 400, '/unread'],
      [{ per_page: '500' }, 422, '/per_page'],
    ];
    for (const [query, status, field] of refusals) {
      const response = await api.get('/v2/communications/calls').query(query).set(admin.auth);
      expect({ query, status: response.status, field: response.body.errors?.[0]?.error?.field }).toEqual({ query, status, field });
    }
    await api.get('/v2/communications/calls').expect(401);
  });

  it('adds a number to an existing record: in phone, then mobile, then refuses when both are set', async () => {
    const admin = await stack.createAccount();
    const other = await stack.createAccount('Elsewhere');
    const lead = await createLead(admin.auth);
    const [first, second, third] = [newNumber(), newNumber(), newNumber()];
    for (const number of [first, second, third]) await telephony.text(textEvent(admin.accountId, admin.userId, number));

    const toLead = (phone_number: string, extra: Record<string, unknown> = {}) =>
      unmatchedAction(admin.auth, 'add_to_existing', { phone_number, resource_type: 'lead', resource_id: lead.id, ...extra });
    expect((await toLead(first).expect(200)).body.data).toMatchObject({ phone_number: first, resource_type: 'lead', resource_id: lead.id, field: 'phone', text_messages: 1 });
    expect((await toLead(second).expect(200)).body.data).toMatchObject({ field: 'mobile', text_messages: 1 });
    expect(numbersOf(await texts(admin.auth, { matched: 'false' }))).toEqual([third]);

    const full = await toLead(third);
    expect(full.status).toBe(422);
    expect(full.body.errors[0].error).toMatchObject({ field: '/resource_id', code: 'invalid' });
    expect(full.body.errors[0].error.message).toContain('no free phone field');
    expect((await api.get(`/v2/leads/${lead.id}`).set(admin.auth).expect(200)).body.data).toMatchObject({ phone: first, mobile: second });
    expect(numbersOf(await texts(admin.auth, { matched: 'false' }))).toEqual([third]);
    // A number the record has already: nothing to write, nothing more to match.
    expect((await toLead(first).expect(200)).body.data).toMatchObject({ field: null, text_messages: 0 });

    // A contact works the same way.
    const contact = await createContact(admin.auth, { phone: newNumber() });
    const onContact = await unmatchedAction(admin.auth, 'add_to_existing', { phone_number: third, resource_type: 'contact', resource_id: contact.id }).expect(200);
    expect(onContact.body.data).toMatchObject({ resource_type: 'contact', field: 'mobile', text_messages: 1 });

    const foreignLead = await createLead(other.auth);
    const stranger = newNumber();
    await telephony.text(textEvent(admin.accountId, admin.userId, stranger));
    const refusals: [Record<string, unknown>, number, string | undefined][] = [
      [{ phone_number: stranger, resource_type: 'lead', resource_id: foreignLead.id }, 404, undefined],
      [{ phone_number: stranger, resource_type: 'contact', resource_id: 2_000_000_000 }, 404, undefined],
      [{ phone_number: stranger, resource_type: 'deal', resource_id: lead.id }, 422, '/resource_type'],
      [{ phone_number: 'call me', resource_type: 'lead', resource_id: lead.id }, 422, '/phone_number'],
      [{ phone_number: stranger, resource_type: 'lead' }, 422, '/resource_id'],
      [{ phone_number: stranger, resource_type: 'lead', resource_id: lead.id, note: 'x' }, 422, '/note'],
    ];
    for (const [data, status, field] of refusals) {
      const response = await unmatchedAction(admin.auth, 'add_to_existing', data);
      expect({ data, status: response.status, field: response.body.errors?.[0]?.error?.field }).toEqual({ data, status, field });
    }
    expect((await api.get(`/v2/leads/${foreignLead.id}`).set(other.auth).expect(200)).body.data.phone).toBeNull();
    expect(numbersOf(await texts(admin.auth, { matched: 'false' }))).toEqual([stranger]);
  });

  it('ignores a number: its unmatched calls and texts leave the lists and counts, new ones still appear', async () => {
    const admin = await stack.createAccount();
    const [number, kept] = [newNumber(), newNumber()];
    await telephony.call(callEvent(admin.accountId, admin.userId, number, { status: 'busy', missed: true, duration: 0, startedAt: minutesFromNow(-10) }));
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { sentAt: minutesFromNow(-9) }));
    await telephony.text(textEvent(admin.accountId, admin.userId, kept, { sentAt: minutesFromNow(-8) }));
    expect(await counts(admin.auth)).toEqual({ missed_calls: 1, unread_text_messages: 2, unmatched_calls: 1, unmatched_text_messages: 2 });

    const ignored = await unmatchedAction(admin.auth, 'ignore', { phone_number: number }).expect(200);
    expect(ignored.body).toEqual({
      data: { phone_number: number, resource_type: null, resource_id: null, owner_id: null, field: null, calls: 1, text_messages: 1 },
      meta: { type: 'unmatched_number' },
    });
    expect(await counts(admin.auth)).toEqual({ missed_calls: 0, unread_text_messages: 1, unmatched_calls: 0, unmatched_text_messages: 1 });
    expect(numbersOf(await texts(admin.auth, { matched: 'false' }))).toEqual([kept]);
    expect(numbersOf(await calls(admin.auth, { missed: 'true' }))).toEqual([]);
    // Again: nothing more to hide, still a known number.
    expect((await unmatchedAction(admin.auth, 'ignore', { phone_number: number }).expect(200)).body.data).toMatchObject({ calls: 0, text_messages: 0 });
    expect((await unmatchedAction(admin.auth, 'ignore', { phone_number: newNumber() })).status).toBe(404);
    expect((await unmatchedAction(admin.auth, 'ignore', { phone_number: '12' })).status).toBe(422);
    expect((await unmatchedAction(admin.auth, 'ignore', {})).status).toBe(422);

    // Ignoring does not block: a new text shows.
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { body: 'Hello again' }));
    expect((await texts(admin.auth, { matched: 'false' })).items.map((item) => item.data.content)).toEqual(['Hello again', expect.any(String)]);
    // Added to Sell later: everything from the number is matched, the ignored ones too.
    await unmatchedAction(admin.auth, 'add_to_sell', { phone_number: number, as: 'lead' }).expect(200);
    expect(numbersOf(await texts(admin.auth, { matched: 'true' }))).toEqual([number, number]);
    expect(numbersOf(await calls(admin.auth, { missed: 'true' }))).toEqual([number]);
  });

  it("marks the user's own texts read and unread, and changes nothing when an id is someone else's", async () => {
    const admin = await stack.createAccount();
    const rep = await createUser(stack, api, admin, 'Sales rep');
    const number = newNumber();
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { sentAt: minutesFromNow(-3) }));
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { sentAt: minutesFromNow(-2) }));
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { direction: 'outbound', status: 'sent', sentAt: minutesFromNow(-1) }));
    await telephony.text(textEvent(admin.accountId, rep.id, number));
    const [sent, second, first] = (await texts(admin.auth)).items.map((item) => item.data);
    expect([sent.unread, second.unread, first.unread]).toEqual([false, true, true]);
    const repsText = (await texts(rep.auth)).items[0].data;
    const mark = (auth: Auth, data: unknown) => api.post('/v2/communications/text_messages/mark').set(auth).send({ data });

    expect((await mark(admin.auth, { ids: [first.id, sent.id], read: true }).expect(200)).body).toEqual({
      data: { ids: [first.id, sent.id], read: true },
      meta: { type: 'text_message_marking' },
    });
    expect((await counts(admin.auth)).unread_text_messages).toBe(1);
    expect(numbersOf(await texts(admin.auth, { unread: 'true' }))).toEqual([number]);
    expect((await texts(admin.auth, { unread: 'true' })).items[0].data.id).toBe(second.id);

    const foreign = await mark(admin.auth, { ids: [second.id, repsText.id], read: true });
    expect(foreign.status).toBe(404);
    expect(foreign.body.errors[0].error).toMatchObject({ resource: 'text_message', code: 'not_found' });
    expect((await counts(admin.auth)).unread_text_messages).toBe(1);
    expect((await counts(rep.auth)).unread_text_messages).toBe(1);
    for (const data of [{ ids: [], read: true }, { ids: [first.id] }, { ids: ['x'], read: true }, { ids: [first.id], read: 'yes' }, []]) {
      expect({ data, status: (await mark(admin.auth, data)).status }).toEqual({ data, status: 422 });
    }
    const other = await stack.createAccount('Elsewhere');
    expect((await mark(other.auth, { ids: [second.id], read: true })).status).toBe(404);

    await mark(admin.auth, { ids: [first.id], read: false }).expect(200);
    expect((await counts(admin.auth)).unread_text_messages).toBe(2);
  });

  it("shows a sales rep only their own calls and texts; Sell's lists keep their visibility rules", async () => {
    const admin = await stack.createAccount();
    const rep = await createUser(stack, api, admin, 'Sales rep');
    const [adminsNumber, repsNumber] = [newNumber(), newNumber()];
    await telephony.call(callEvent(admin.accountId, admin.userId, adminsNumber, { status: 'no-answer', missed: true }));
    await telephony.text(textEvent(admin.accountId, admin.userId, adminsNumber));
    await telephony.call(callEvent(admin.accountId, rep.id, repsNumber));
    await telephony.text(textEvent(admin.accountId, rep.id, repsNumber));

    expect(numbersOf(await calls(rep.auth))).toEqual([repsNumber]);
    expect(numbersOf(await texts(rep.auth))).toEqual([repsNumber]);
    expect(await counts(rep.auth)).toEqual({ missed_calls: 0, unread_text_messages: 1, unmatched_calls: 1, unmatched_text_messages: 1 });
    expect(numbersOf(await calls(admin.auth))).toEqual([adminsNumber]);
    expect(numbersOf((await api.get('/v2/calls').set(rep.auth).expect(200)).body)).toEqual([repsNumber]);
    expect(numbersOf((await api.get('/v2/text_messages').set(rep.auth).expect(200)).body)).toEqual([repsNumber]);
    expect(numbersOf((await api.get('/v2/calls').set(admin.auth).expect(200)).body).sort()).toEqual([adminsNumber, repsNumber].sort());

    // The rep cannot act on the admin's conversation; the admin's lists are untouched.
    expect((await api.delete(`/v2/communications/text_messages/conversations/${adminsNumber}`).set(rep.auth)).status).toBe(404);
    expect((await unmatchedAction(rep.auth, 'ignore', { phone_number: adminsNumber })).status).toBe(404);
    expect(await counts(admin.auth)).toEqual({ missed_calls: 1, unread_text_messages: 1, unmatched_calls: 1, unmatched_text_messages: 1 });
    // Another account sees nothing of either.
    const other = await stack.createAccount('Elsewhere');
    expect(await counts(other.auth)).toEqual({ missed_calls: 0, unread_text_messages: 0, unmatched_calls: 0, unmatched_text_messages: 0 });
    expect((await unmatchedAction(other.auth, 'ignore', { phone_number: adminsNumber })).status).toBe(404);
  });

  // Last: after everything above (matching, ignoring, reading, deleting, other users and accounts).
  it("keeps every user's counts equal to a count of their calls and texts", async () => {
    const { counted, drift } = await phoneCounterDrift(stack);
    expect(counted).toBeGreaterThan(5);
    expect(drift).toEqual([]);
  });
});
