import { startStack, Stack } from '@crm/testing';
import { gatewayService } from '@crm/gateway';
import { recordsService } from '@crm/records';
import request from 'supertest';

/** Two gateway replicas: a token revoked through one stops working on the other (its cache hears the event). */
describe('token revocation across gateway replicas', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ services: [recordsService, gatewayService], replicas: { gateway: 2 } });
  });
  afterAll(() => stack?.stop());

  it('revoking or deactivating through one replica blocks the token on the other within moments', async () => {
    const [first, second] = stack.services.filter((s) => s.name === 'gateway').map((s) => request(`http://127.0.0.1:${s.httpPort}`));
    const { auth, userId } = await stack.createAccount();
    const issued = (await first.post(`/v2/users/${userId}/tokens`).set(auth).send({ data: {} }).expect(201)).body.data;
    const extra = { Authorization: `Bearer ${issued.access_token}` };
    await second.get('/v2/users/self').set(extra).expect(200); // now cached on the second replica

    await first.delete(`/v2/users/${userId}/tokens/${issued.id}`).set(auth).expect(204);
    await expectSoon(() => second.get('/v2/users/self').set(extra), 401);

    const user = (await first.post('/v2/users').set(auth).send({ data: { name: 'Temp', email: `temp-${Date.now()}@example.com` } }).expect(200)).body.data;
    const token = (await first.post(`/v2/users/${user.id}/tokens`).set(auth).send({ data: {} }).expect(201)).body.data.access_token;
    const temp = { Authorization: `Bearer ${token}` };
    await second.get('/v2/users/self').set(temp).expect(200);
    await first.put(`/v2/users/${user.id}`).set(auth).send({ data: { status: 'inactive' } }).expect(200);
    await expectSoon(() => second.get('/v2/users/self').set(temp), 401);
  });
});

/** Well under the 30 s cache TTL: the invalidation, not the expiry, must be what blocks it. */
async function expectSoon(send: () => PromiseLike<{ status: number }>, status: number): Promise<void> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const response = await send();
    if (response.status === status) return;
    if (Date.now() > deadline) throw new Error(`expected ${status} within 3 s, still ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
