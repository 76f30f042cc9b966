import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import type { GatewayRequest } from './gateway-request';

/** A client's own request id is kept when it is short and plain, so its logs and ours line up. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Runs first on every request: gives it an id (echoed as `X-Request-Id`, carried to records as
 * the correlation id, shown as `meta.logref` in errors) and the base URL its links are built on.
 */
export function requestContextMiddleware(publicUrl: string | undefined) {
  const configuredBase = publicUrl?.replace(/\/+$/, '');
  return (request: GatewayRequest, response: Response, next: NextFunction): void => {
    const offered = request.header('x-request-id');
    const requestId = offered && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
    request.id = requestId;
    request.context = {
      requestId,
      publicBaseUrl: configuredBase || `${request.protocol}://${request.get('host') ?? 'localhost'}`,
    };
    response.setHeader('X-Request-Id', requestId);
    next();
  };
}
