import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DomainError } from '@crm/contracts';
import { Observable, throwError } from 'rxjs';

/**
 * Turns what a request handler throws into a plain error body that crosses the transport:
 * DomainErrors keep their status and Sell error items; anything else is logged and becomes a 500.
 * HTTP errors (a service's health and metrics routes) keep Nest's default handling.
 */
@Catch()
export class DomainErrorRpcFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Rpc');

  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'rpc') return super.catch(exception, host);
    if (exception instanceof DomainError) return throwError(() => exception.toJSON());
    const pattern = host.switchToRpc().getContext<{ getSubject?: () => string }>()?.getSubject?.();
    this.logger.error({ err: exception, pattern }, 'request handler failed');
    return throwError(() => ({
      kind: 'domain_error',
      status: 500,
      errors: [{ code: 'internal', message: 'internal error' }],
    }));
  }
}
