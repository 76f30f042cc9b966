import { DomainError } from '@crm/contracts';
import { throwError, NEVER } from 'rxjs';
import { NoResponderError } from '../in-process-bus';
import { RpcClient } from './rpc-client';

const proxyFailingWith = (error: unknown) => ({ send: () => throwError(() => error), close: async () => undefined });

describe('RpcClient', () => {
  it('rebuilds a DomainError from the error body that crossed the transport', async () => {
    const body = new DomainError(422, [{ field: '/x', code: 'invalid', message: 'bad' }]).toJSON();
    const client = new RpcClient(proxyFailingWith(body));
    await expect(client.request('records.leads.get.v1', { accountId: 1, userId: 1, id: 1 })).rejects.toMatchObject({
      status: 422,
      errors: [{ field: '/x' }],
    });
  });

  it('answers 503 when nobody serves the subject or the answer is late', async () => {
    const natsNoResponders = Object.assign(new Error('503'), { code: '503' });
    for (const error of [new NoResponderError('x'), natsNoResponders]) {
      await expect(new RpcClient(proxyFailingWith(error)).request('records.accounts.count.v1', {})).rejects.toMatchObject({ status: 503 });
    }
    const slow = new RpcClient({ send: () => NEVER, close: async () => undefined }, 10);
    await expect(slow.request('records.accounts.count.v1', {})).rejects.toMatchObject({ status: 503 });
  });
});
