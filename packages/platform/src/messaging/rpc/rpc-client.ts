import { ClientProxy } from '@nestjs/microservices';
import { DomainError, ReplyOf, RequestOf, RequestSubject } from '@crm/contracts';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';

export const RPC_CLIENT_PROXY = Symbol('RPC_CLIENT_PROXY');

/** The typed way to ask another service something: subject and payload types come from contracts. */
export class RpcClient {
  constructor(
    private readonly proxy: Pick<ClientProxy, 'send' | 'close'>,
    private readonly timeoutMs = 10_000,
  ) {}

  async request<S extends RequestSubject>(subject: S, payload: RequestOf<S>): Promise<ReplyOf<S>> {
    try {
      return await firstValueFrom(this.proxy.send<ReplyOf<S>, RequestOf<S>>(subject, payload).pipe(timeout(this.timeoutMs)));
    } catch (error) {
      throw toDomainError(subject, error);
    }
  }

  async close(): Promise<void> {
    await this.proxy.close();
  }
}

function toDomainError(subject: string, error: unknown): Error {
  if (error instanceof DomainError) return error;
  if (DomainError.isBody(error)) return new DomainError(error.status, error.errors);
  // NATS answers a request nobody subscribes to with code 503; the in-process bus with NoResponderError.
  const noResponder = error instanceof Error && (error.name === 'NoResponderError' || (error as { code?: string }).code === '503');
  if (error instanceof TimeoutError || noResponder) {
    return new DomainError(503, [{ code: 'internal', message: `service unavailable: no answer to ${subject}` }]);
  }
  const message = error instanceof Error ? error.message : JSON.stringify(error);
  return new Error(`request ${subject} failed: ${message}`);
}
