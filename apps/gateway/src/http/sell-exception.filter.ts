import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, SellErrorItem } from '@crm/contracts';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { GatewayRequest } from './gateway-request';
import { defaultCodeFor, renderSellErrors } from './sell-errors';

interface RenderedError {
  status: number;
  errors: SellErrorItem[];
}

/** The shape of errors raised by Express's body parser (the `http-errors` package). */
interface BodyParserError {
  status: number;
  expose: boolean;
  type: string;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<BodyParserError>;
  return typeof candidate.status === 'number' && typeof candidate.type === 'string' && typeof candidate.expose === 'boolean';
}

/** Translate anything a route, guard, pipe or middleware threw into a status and Sell error items. */
export function toRenderedError(exception: unknown): RenderedError | undefined {
  if (exception instanceof DomainError) return { status: exception.status, errors: exception.errors };
  if (DomainError.isBody(exception)) return { status: exception.status, errors: exception.errors };
  if (isBodyParserError(exception) && exception.expose && exception.status < 500) {
    if (exception.type === 'entity.too.large') {
      return { status: 413, errors: [{ code: 'too_large', message: 'request body is too large (at most 1 MiB)' }] };
    }
    return { status: exception.status, errors: [{ code: defaultCodeFor(exception.status), message: exception.message }] };
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const status = exception.getStatus();
    // Nest raises these itself: unknown routes (404) and request bodies that are not JSON (400).
    const message = status === 400 ? `malformed request: ${exception.message}` : exception.message;
    return { status, errors: [{ code: defaultCodeFor(status), message }] };
  }
  return undefined;
}

/**
 * Every error leaves in Sell's envelope with the request id as `meta.logref`. Anything not
 * raised on purpose becomes a bare 500 and is logged: internals never reach the client.
 */
@Catch()
export class SellExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Gateway');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<GatewayRequest>();
    const response = http.getResponse<Response>();
    const requestId = request.context?.requestId ?? request.id ?? randomUUID();

    const rendered = toRenderedError(exception) ?? {
      status: 500,
      errors: [{ code: 'internal' as const, message: 'internal error' }],
    };
    if (rendered.status >= 500) {
      this.logger.error(
        { err: exception, requestId, method: request.method, url: request.originalUrl },
        'request failed',
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (rendered.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    response.status(rendered.status).json(renderSellErrors(rendered.status, rendered.errors, requestId));
  }
}
