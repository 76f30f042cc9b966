import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi } from '../openapi';
import { httpMetricsMiddleware } from './http-metrics.middleware';
import { requestContextMiddleware } from './request-context.middleware';
import { SellExceptionFilter } from './sell-exception.filter';
import { webAppStatic } from './web-app-static';

/** Sell's bodies are small records; anything larger is refused before it is read in full. */
export const BODY_LIMIT = '1mb';

/**
 * The HTTP settings of the public API, applied before the app starts listening. Order matters:
 * request id and timing first, so even a refused body gets both; the web app's static files
 * (WEB_ROOT) next, for GET and HEAD outside the API's paths; the JSON parser next, so its 413 and
 * 400 reach the Sell error filter.
 */
export function configureGatewayHttp(app: INestApplication, publicUrl: string | undefined, webRoot?: string): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.use(requestContextMiddleware(publicUrl));
  express.use(httpMetricsMiddleware());
  // The web app's files before the routes, which Nest adds when the app starts; API paths pass through.
  const webApp = webAppStatic(webRoot);
  if (webApp) express.use(webApp);
  // Registered here, Nest's own JSON parser (100 kB) is not added; the URL-encoded one still is.
  express.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  express.useGlobalFilters(new SellExceptionFilter());
  setupOpenApi(app, publicUrl);
}
