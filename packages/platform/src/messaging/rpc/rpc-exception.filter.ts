import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { DomainError } from '@crm/contracts';
import { Observable, throwError } from 'rxjs';

/**
 * Turns what a request handler throws into a plain error body that crosses the transport:
 * DomainErrors keep their status and Sell error items; anything else is logged and becomes a 500.
 */
@Catch()
export class DomainErrorRpcFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Rpc');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
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
