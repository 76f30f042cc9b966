import { httpDuration } from '@crm/platform';
import type { NextFunction, Request, Response } from 'express';

/**
 * Times every HTTP request, labelled by route pattern (`/v2/leads/:id`), never the raw path, so
 * ids do not explode the label set. Requests no route matched (404s, static docs) share one label.
 * A middleware rather than an interceptor, so 401s and body-parser rejections are counted too.
 */
export function httpMetricsMiddleware() {
  const histogram = httpDuration();
  return (request: Request, response: Response, next: NextFunction): void => {
    const end = histogram.startTimer();
    response.on('finish', () => {
      const routePath = (request.route as { path?: string } | undefined)?.path;
      // Nest mounts app-wide middleware (the request logger) on a `/{*path}` route, so a request no
      // controller took still carries that wildcard; API routes never contain one.
      const matched = routePath !== undefined && !routePath.includes('*');
      end({
        method: request.method,
        route: matched ? `${request.baseUrl}${routePath}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}
