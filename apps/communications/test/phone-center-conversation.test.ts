import { PhoneCenterTextMessageDto, TelephonyEvents } from '@crm/contracts';
import { Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { communicationsService } from '../src/app';
import { Collection, createUser } from './communication-center-support';
import { minutesFromNow, newNumber, TelephonyEventPublisher, textEvent } from './phone-center-events';
import { Api } from './support';

/**
 * One SMS conversation: `GET /v2/communications/text_messages?phone_number=…` lists the actor's
 * messages with one number (what the web app shows when a conversation is opened).
 */
describe('Communication Center: one text conversation by phone_number', () => {
  let stack: Stack;
  let api: Api;
  let telephony: TelephonyEventPublisher;

  beforeAll(async () => {
    stack = await startStack({ services: ['records', communicationsService, 'gateway'] });
    api = request(stack.gatewayUrl);
    telephony = await TelephonyEventPublisher.connect(stack);
  });
  afterAll(async () => {
    await telephony?.close();
    await stack?.stop();
  });

  it("lists only the actor's messages with that number, newest first, however the number is written", async () => {
    const admin = await stack.createAccount();
    const rep = await createUser(stack, api, admin, 'Sales rep');
    const number = newNumber();
    const other = newNumber();
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { body: 'first', sentAt: minutesFromNow(-30) }));
    await telephony.text(textEvent(admin.accountId, admin.userId, number, { body: 'second', direction: 'outbound', status: 'sent', sentAt: minutesFromNow(-20) }), TelephonyEvents.textMessage.sent);
    await telephony.text(textEvent(admin.accountId, admin.userId, other, { body: 'someone else', sentAt: minutesFromNow(-10) }));
    // The same number texting another user is that user's conversation, not the admin's.
    await telephony.text(textEvent(admin.accountId, rep.id, number, { body: 'to the rep', userPhoneNumber: '+14155550198', sentAt: minutesFromNow(-5) }));

    const local = `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`;
    for (const written of [number, local]) {
      const response = await api.get('/v2/communications/text_messages').query({ phone_number: written }).set(admin.auth).expect(200);
      const page = response.body as Collection<PhoneCenterTextMessageDto>;
      expect(page.items.map((item) => [item.data.content, item.data.resource_phone_number, item.data.user_id])).toEqual([
        ['second', number, admin.userId],
        ['first', number, admin.userId],
      ]);
    }

    // With the other filters: the unread ones of the conversation.
    const unread = await api.get('/v2/communications/text_messages').query({ phone_number: number, unread: 'true' }).set(admin.auth).expect(200);
    expect(unread.body.items.map((item: { data: PhoneCenterTextMessageDto }) => item.data.content)).toEqual(['first']);

    // A number nobody texted: an empty page, not an error.
    const none = await api.get('/v2/communications/text_messages').query({ phone_number: newNumber() }).set(admin.auth).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it.each([
    ['not a phone number', 'call me'],
    ['too short to be a number', '12345'],
    ['empty', ''],
  ])('refuses a phone_number that is %s with 400 invalid_param', async (_, value) => {
    const admin = await stack.createAccount();
    const response = await api.get('/v2/communications/text_messages').query({ phone_number: value }).set(admin.auth).expect(400);
    expect(response.body.errors[0].error).toMatchObject({ code: 'invalid_param', field: '/phone_number' });
    expect(response.body.meta).toMatchObject({ type: 'errors', http_status: '400 Bad Request' });
  });

  it('is documented in the OpenAPI list parameters', async () => {
    const document = (await api.get('/docs-json').expect(200)).body;
    const names = document.paths['/v2/communications/text_messages'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(names).toContain('phone_number');
  });
});
