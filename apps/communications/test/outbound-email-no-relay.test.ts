import type { SentEmailDto } from '@crm/contracts';
import { factories, Stack, startStack } from '@crm/testing';
import request from 'supertest';
import { communicationsService } from '../src/app';

/** Without SMTP_RELAY_URL mail is stored and filed as usual, and waits, saying why. */
describe('sending email without a relay configured', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ services: ['records', communicationsService, 'gateway'] });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps the email queued with the reason, on the record as sent mail', async () => {
    const api = request(stack.gatewayUrl);
    const { auth } = await stack.createAccount();
    const contact = (await api.post('/v2/contacts').set(auth).send({ data: factories.person() }).expect(200)).body.data as { id: number };
    const response = await api
      .post('/v2/emails')
      .set(auth)
      .send({ data: { to: [{ resource_type: 'contact', resource_id: contact.id }], subject: 'Later', text: 'When the relay exists.' } })
      .expect(200);
    const queued = response.body.data as SentEmailDto;
    expect(response.body.meta).toEqual({ type: 'email' });
    expect(queued).toMatchObject({ status: 'queued', last_error: 'no SMTP relay configured', attempts: 0, sent_at: null });

    const listed = await api.get('/v2/emails').query({ resource_type: 'contact', resource_id: contact.id }).set(auth).expect(200);
    expect(listed.body.items.map((item: { data: SentEmailDto }) => item.data)).toEqual([
      expect.objectContaining({ id: queued.id, status: 'queued', last_error: 'no SMTP relay configured', attempts: 0 }),
    ]);
  });
});
