import { createParamDecorator, ExecutionContext, Param } from '@nestjs/common';
import { Actor, DomainError } from '@crm/contracts';
import type { ListContext } from './envelopes';
import { actorOf, GatewayRequest } from './gateway-request';
import { RecordIdPipe } from './path-id.pipe';

function requestOf(context: ExecutionContext): GatewayRequest {
  return context.switchToHttp().getRequest<GatewayRequest>();
}

/** Who is asking: account and user from the verified token, correlation id from the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => actorOf(requestOf(context)));

/** The parsed list parameters and the URLs of its pages, on a route declared with `@ListRoute`. */
export const SellList = createParamDecorator((_: unknown, context: ExecutionContext): ListContext => {
  const list = requestOf(context).list;
  if (!list) throw new Error('@SellList() used on a route without @ListRoute()');
  return list;
});

/**
 * The `data` object of a `{"data": {...}}` body. Its attributes are validated by the records
 * service, which owns their rules; the envelope itself is checked here.
 */
export const SellData = createParamDecorator((resource: string, context: ExecutionContext): Record<string, unknown> => {
  const body: unknown = requestOf(context).body;
  const data = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (data === undefined || data === null) {
    throw new DomainError(422, [{ resource, field: '/data', code: 'blank', message: 'the body must be {"data": {...}}' }]);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new DomainError(422, [{ resource, field: '/data', code: 'invalid', message: 'data must be an object' }]);
  }
  return data as Record<string, unknown>;
});

/** A record id from the path; anything that cannot be one is a 404 for `resource`. */
export const RecordId = (name: string, resource: string): ParameterDecorator => Param(name, new RecordIdPipe(resource));
