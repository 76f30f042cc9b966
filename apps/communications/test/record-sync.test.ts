import { CommunicationsEvents, RecordsEvents } from '@crm/contracts';
import { factories, Stack } from '@crm/testing';
import request from 'supertest';
import {
  Api,
  Auth,
  createLead,
  eventually,
  insertTextMessage,
  logCall,
  outboxCount,
  processedByCommunications,
  replayEvent,
  startCommunicationsStack,
} from './support';

/** communications follows records' events: deleted and converted records take their calls and texts along. */
describe('calls and texts follow the records they hang on', () => {
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

  const text = async (id: number) => (await api.get(`/v2/text_messages/${id}`).set(auth).expect(200)).body.data;
  const call = async (id: number) => (await api.get(`/v2/calls/${id}`).set(auth).expect(200)).body.data;

  it('deletes the calls of a deleted lead and leaves its texts unmatched', async () => {
    const lead = await createLead(api, auth);
    const other = await createLead(api, auth);
    const onLead = await logCall(api, auth, { resource_type: 'lead', resource_id: lead.id });
    const onOther = await logCall(api, auth, { resource_type: 'lead', resource_id: other.id });
    const message = await insertTextMessage(stack, admin.accountId, { resource_type: 'lead', resource_id: lead.id });
    const deletedEvents = await outboxCount(stack, CommunicationsEvents.call.deleted);

    await api.delete(`/v2/leads/${lead.id}`).set(auth).expect(204);
    await eventually(async () => {
      await api.get(`/v2/calls/${onLead.id}`).set(auth).expect(404);
    });
    expect(await text(message.id)).toMatchObject({ resource_type: null, resource_id: null, content: message.content });
    expect(await call(onOther.id)).toMatchObject({ resource_id: other.id });
    expect(await outboxCount(stack, CommunicationsEvents.call.deleted)).toBe(deletedEvents + 1);
  });

  it('detaches the texts of a deleted contact and drops a deleted deal from associated deals', async () => {
    const contact = (await api.post('/v2/contacts').set(auth).send({ data: factories.person() }).expect(200)).body.data;
    const deal = (await api.post('/v2/deals').set(auth).send({ data: factories.deal({ contact_id: contact.id }) }).expect(200)).body.data;
    const keptDeal = (await api.post('/v2/deals').set(auth).send({ data: factories.deal() }).expect(200)).body.data;
    const onContact = await logCall(api, auth, { resource_type: 'contact', resource_id: contact.id, associated_deal_ids: [deal.id, keptDeal.id] });
    const onDeal = await logCall(api, auth, { resource_type: 'deal', resource_id: deal.id });
    const message = await insertTextMessage(stack, admin.accountId, {
      resource_type: 'contact',
      resource_id: contact.id,
      associated_deal_ids: [deal.id],
    });

    await api.delete(`/v2/deals/${deal.id}`).set(auth).expect(204);
    await eventually(async () => {
      expect((await call(onContact.id)).associated_deal_ids).toEqual([keptDeal.id]);
    });
    await api.get(`/v2/calls/${onDeal.id}`).set(auth).expect(404);
    expect(await text(message.id)).toMatchObject({ associated_deal_ids: [], resource_type: 'contact' });

    await api.delete(`/v2/contacts/${contact.id}`).set(auth).expect(204);
    await eventually(async () => {
      await api.get(`/v2/calls/${onContact.id}`).set(auth).expect(404);
    });
    expect(await text(message.id)).toMatchObject({ resource_type: null, resource_id: null });
  });

  it("moves a converted lead's calls and texts to its contact and deal, and a replay changes nothing", async () => {
    const lead = await createLead(api, auth, { first_name: 'Conny' });
    const first = await logCall(api, auth, { resource_type: 'lead', resource_id: lead.id });
    const second = await logCall(api, auth, { resource_type: 'lead', resource_id: lead.id, summary: 'follow-up' });
    const message = await insertTextMessage(stack, admin.accountId, { resource_type: 'lead', resource_id: lead.id });

    const conversion = (await api.post('/v2/lead_conversions').set(auth).send({ data: { lead_id: lead.id, create_deal: true } }).expect(200)).body.data;
    const contactId: number = conversion.individual_id;
    const dealId: number = conversion.deal_id;
    expect(dealId).toEqual(expect.any(Number));
    await eventually(async () => {
      expect(await call(first.id)).toMatchObject({ resource_type: 'contact', resource_id: contactId, associated_deal_ids: [dealId] });
    });
    expect(await call(second.id)).toMatchObject({ resource_type: 'contact', resource_id: contactId, summary: 'follow-up' });
    expect(await text(message.id)).toMatchObject({ resource_type: 'contact', resource_id: contactId, associated_deal_ids: [dealId] });
    const onContact = await api.get('/v2/calls').query({ resource_type: 'contact', resource_id: contactId }).set(auth).expect(200);
    expect(onContact.body.items.map((i: { data: { id: number } }) => i.data.id)).toEqual([first.id, second.id]);

    // The same fact delivered again under a new event id: nothing moves, no event is published.
    const before = { first: await call(first.id), message: await text(message.id), updates: await outboxCount(stack, CommunicationsEvents.call.updated) };
    const replayed = await replayEvent(stack, RecordsEvents.leadConverted.converted, {
      accountId: admin.accountId,
      eventId: '',
      occurredAt: new Date().toISOString(),
      leadId: lead.id,
      conversionId: conversion.id,
      contactId,
      organizationId: null,
      dealId,
      actorId: admin.userId,
    });
    await eventually(async () => expect(await processedByCommunications(stack, replayed)).toBe(true));
    expect(await call(first.id)).toEqual(before.first);
    expect(await text(message.id)).toEqual(before.message);
    expect(await outboxCount(stack, CommunicationsEvents.call.updated)).toBe(before.updates);
  });

  it('a replayed deletion changes nothing more', async () => {
    const lead = await createLead(api, auth);
    await logCall(api, auth, { resource_type: 'lead', resource_id: lead.id });
    const survivor = await logCall(api, auth, {});
    await api.delete(`/v2/leads/${lead.id}`).set(auth).expect(204);
    await eventually(async () => {
      const left = await api.get('/v2/calls').query({ resource_type: 'lead', resource_id: lead.id }).set(auth).expect(200);
      expect(left.body.items).toEqual([]);
    });
    const deletions = await outboxCount(stack, CommunicationsEvents.call.deleted);

    const replayed = await replayEvent(stack, RecordsEvents.lead.deleted, {
      accountId: admin.accountId,
      eventId: '',
      occurredAt: new Date().toISOString(),
      entity: 'lead',
      id: lead.id,
      actorId: admin.userId,
      data: null,
    });
    await eventually(async () => expect(await processedByCommunications(stack, replayed)).toBe(true));
    expect(await outboxCount(stack, CommunicationsEvents.call.deleted)).toBe(deletions);
    expect(await call(survivor.id)).toMatchObject({ id: survivor.id });
  });
});
