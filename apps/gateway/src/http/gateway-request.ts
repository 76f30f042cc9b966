import type { Actor, SessionIdentity, TokenIdentity } from '@crm/contracts';
import type { Request } from 'express';
import type { ListContext } from './envelopes';

/** What the gateway attaches to every request before any route runs. */
export interface RequestContext {
  /** Correlates logs, the records service's work and `meta.logref` of an error. */
  requestId: string;
  /** Scheme, host and any path prefix the client reached us on, without a trailing slash. */
  publicBaseUrl: string;
}

export interface GatewayRequest extends Request {
  /** pino-http keeps an `id` it finds, so logs carry the same request id. */
  id?: string;
  context?: RequestContext;
  /** Set by the auth guard once the bearer token or the session cookie is verified. */
  identity?: TokenIdentity | SessionIdentity;
  /** Set by the query-parameter guard on list routes. */
  list?: ListContext;
}

export function actorOf(request: GatewayRequest): Actor {
  if (!request.identity || !request.context) {
    // A route that reads the actor without the bearer guard is a programming error.
    throw new Error('actor read on a request that was not authenticated');
  }
  return {
    accountId: request.identity.accountId,
    userId: request.identity.userId,
    correlationId: request.context.requestId,
  };
}
