import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';
import { Observable, tap } from 'rxjs';

let defaultsCollected = false;

/** Process metrics once per process (the embedded mode runs six services in one). */
export function ensureDefaultMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics();
}

function histogram(name: string, help: string, labelNames: string[]): Histogram {
  const existing = register.getSingleMetric(name);
  if (existing) return existing as Histogram;
  return new Histogram({ name, help, labelNames, buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
}

export const rpcDuration = (): Histogram =>
  histogram('rpc_request_duration_seconds', 'Time to answer a request/reply message', ['service', 'subject', 'outcome']);

export const httpDuration = (): Histogram =>
  histogram('http_request_duration_seconds', 'Time to answer an HTTP request', ['method', 'route', 'status']);

/** Times every request/reply handler of a service. */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  private readonly metric = rpcDuration();

  constructor(private readonly service: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const subject = String(context.switchToRpc().getContext<{ getSubject?: () => string }>()?.getSubject?.() ?? context.getHandler().name);
    const end = this.metric.startTimer({ service: this.service, subject });
    return next.handle().pipe(
      tap({ complete: () => end({ outcome: 'ok' }), error: () => end({ outcome: 'error' }) }),
    );
  }
}
