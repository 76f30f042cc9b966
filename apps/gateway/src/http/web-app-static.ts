import { Logger } from '@nestjs/common';
import { static as serveStatic } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Paths that belong to the API and its tooling, never to the web app: `/v2`, Swagger UI and its
 * document (`/docs`, `/docs-json`), health and metrics, Twilio's webhooks. A request under one
 * of them goes straight to the routes, so a missing API route stays a Sell 404.
 */
const API_PREFIXES = ['/v2', '/docs', '/docs-json', '/health', '/metrics', '/webhooks'];

/** Vite puts content-hashed bundles here: a name never changes content, so they may be kept for a year. */
const ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The entry page names the current bundles: browsers must check it every time. */
const REVALIDATE = 'no-cache';

export function isApiPath(pathname: string): boolean {
  return API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** `/favicon.ico`, `/assets/x.js`: a path naming a file, which must not be answered with the app's page. */
function namesAFile(pathname: string): boolean {
  return pathname.startsWith(ASSETS_PREFIX) || path.posix.extname(pathname) !== '';
}

/**
 * The built web app (WEB_ROOT) at `/`, for GET and HEAD: its files as they are, and `index.html`
 * for every other path that is not the API's, so client-side routes such as `/leads/12` load
 * the app. Null when WEB_ROOT is unset or not a directory (the gateway then serves the API only).
 */
export function webAppStatic(webRoot: string | undefined, logger = new Logger('WebApp')): RequestHandler | null {
  if (!webRoot) return null;
  const root = path.resolve(webRoot);
  const indexFile = path.join(root, 'index.html');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    logger.warn(`WEB_ROOT ${root} is not a directory: the web app is not served`);
    return null;
  }
  if (!existsSync(indexFile)) logger.warn(`WEB_ROOT ${root} has no index.html: only its files are served`);

  const files = serveStatic(root, {
    index: ['index.html'],
    redirect: false,
    fallthrough: true,
    setHeaders: (response, file) => {
      const relative = `/${path.relative(root, file).split(path.sep).join('/')}`;
      if (relative.startsWith(ASSETS_PREFIX)) response.setHeader('Cache-Control', IMMUTABLE);
      else if (relative === '/index.html') response.setHeader('Cache-Control', REVALIDATE);
    },
  });

  const appPage = (request: Request, response: Response, next: NextFunction): void => {
    if (namesAFile(request.path) || !existsSync(indexFile)) return next();
    response.sendFile(indexFile, { headers: { 'Cache-Control': REVALIDATE } }, (error?: Error) => {
      if (error && !response.headersSent) next(error);
    });
  };

  return (request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    files(request, response, (error?: unknown) => (error ? next(error) : appPage(request, response, next)));
  };
}
