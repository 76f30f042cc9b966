import { EmailDto, RecordsEvents } from '@crm/contracts';
import { factories, Stack } from '@crm/testing';
import request from 'supertest';
import { MailEventPublisher, mailEvent } from './mail-events';
import { Api, Auth, createLead, eventually, processedByCommunications, replayEvent, startCommunicationsStack } from './support';

type Item = { data: EmailDto };

/** Email links follow records' events: a converted lead's emails move to its contact, deleted records take their links. */
describe('emails follow the records they are filed on', () => {
  let stack: Stack;
  let api: Api;
  let auth: Auth;
  let admin: { accountId: number; userId: number };
  let mail: MailEventPublisher;

  beforeAll(async () => {
    stack = await startCommunicationsStack();
    api = request(stack.gatewayUrl);
    const account = await stack.createAccount();
    auth = account.auth;
    admin = { accountId: account.accountId, userId: account.userId };
    mail = await MailEventPublisher.connect(stack);
  });
  afterAll(async () => {
    await mail?.close();
    await stack?.stop();
  });

  const fileOn = async (links: { resource_type: 'lead' | 'contact' | 'deal'; resource_id: number }[]): Promise<EmailDto> => {
    const event = mailEvent(admin.accountId, { links });
    const { eventId } = await mail.publish(event);
    await eventually(async () => expect(await processedByCommunications(stack, eventId)).toBe(true));
    const list = await api.get('/v2/emails').query({ resource_type: links[0].resource_type, resource_id: links[0].resource_id }).set(auth).expect(200);
    return list.body.items.find((item: Item) => item.data.message_id === event.messageId).data;
  };
  const emailIdsOn = async (resourceType: string, resourceId: number) =>
    (await api.get('/v2/emails').query({ resource_type: resourceType, resource_id: resourceId }).set(auth).expect(200)).body.items.map(
      (item: Item) => item.data.id,
    );
  const contact = async () => (await api.post('/v2/contacts').set(auth).send({ data: factories.person() }).expect(200)).body.data as { id: number };

  it("moves a converted lead's emails to the new contact (not the deal), and a replay changes nothing", async () => {
    const lead = await createLead(api, auth);
    const other = await contact();
    const onLead = await fileOn([{ resource_type: 'lead', resource_id: lead.id }]);
    const onBoth = await fileOn([
      { resource_type: 'lead', resource_id: lead.id },
      { resource_type: 'contact', resource_id: other.id },
    ]);

    const conversion = (await api.post('/v2/lead_conversions').set(auth).send({ data: { lead_id: lead.id, create_deal: true } }).expect(200)).body.data;
    const contactId: number = conversion.individual_id;
    await eventually(async () => expect((await emailIdsOn('contact', contactId)).sort()).toEqual([onLead.id, onBoth.id].sort()));
    expect(await emailIdsOn('lead', lead.id)).toEqual([]);
    expect(await emailIdsOn('deal', conversion.deal_id)).toEqual([]);
    const moved = (await api.get(`/v2/emails/${onBoth.id}`).set(auth).expect(200)).body.data as EmailDto;
    expect(moved.resources).toEqual([
      { resource_type: 'contact', resource_id: Math.min(contactId, other.id) },
      { resource_type: 'contact', resource_id: Math.max(contactId, other.id) },
    ]);

    const replayed = await replayEvent(stack, RecordsEvents.leadConverted.converted, {
      accountId: admin.accountId,
      eventId: '',
      occurredAt: new Date().toISOString(),
      leadId: lead.id,
      conversionId: conversion.id,
      contactId,
      organizationId: null,
      dealId: conversion.deal_id,
      actorId: admin.userId,
    });
    await eventually(async () => expect(await processedByCommunications(stack, replayed)).toBe(true));
    expect((await api.get(`/v2/emails/${onBoth.id}`).set(auth).expect(200)).body.data).toEqual(moved);
  });

  it('drops the links of a deleted contact and deal, and deletes an email left without links', async () => {
    const gone = await contact();
    const kept = await contact();
    const deal = (await api.post('/v2/deals').set(auth).send({ data: factories.deal() }).expect(200)).body.data as { id: number };
    const onlyOnGone = await fileOn([{ resource_type: 'contact', resource_id: gone.id }]);
    const onBoth = await fileOn([
      { resource_type: 'contact', resource_id: gone.id },
      { resource_type: 'contact', resource_id: kept.id },
    ]);
    const onDeal = await fileOn([{ resource_type: 'deal', resource_id: deal.id }]);

    await api.delete(`/v2/contacts/${gone.id}`).set(auth).expect(204);
    await eventually(async () => {
      await api.get(`/v2/emails/${onlyOnGone.id}`).set(auth).expect(404);
    });
    const survivor = (await api.get(`/v2/emails/${onBoth.id}`).set(auth).expect(200)).body.data as EmailDto;
    expect(survivor.resources).toEqual([{ resource_type: 'contact', resource_id: kept.id }]);
    expect(await emailIdsOn('contact', gone.id)).toEqual([]);

    await api.delete(`/v2/deals/${deal.id}`).set(auth).expect(204);
    await eventually(async () => {
      await api.get(`/v2/emails/${onDeal.id}`).set(auth).expect(404);
    });

    // The deletion again, under a new event id: nothing more goes.
    const replayed = await replayEvent(stack, RecordsEvents.contact.deleted, {
      accountId: admin.accountId,
      eventId: '',
      occurredAt: new Date().toISOString(),
      entity: 'contact',
      id: gone.id,
      actorId: admin.userId,
      data: null,
    });
    await eventually(async () => expect(await processedByCommunications(stack, replayed)).toBe(true));
    expect((await api.get(`/v2/emails/${onBoth.id}`).set(auth).expect(200)).body.data).toEqual(survivor);
  });
});
