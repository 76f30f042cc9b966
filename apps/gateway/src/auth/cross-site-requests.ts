import { DomainError } from '@crm/contracts';
import type { GatewayRequest } from '../http/gateway-request';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

function forbidden(message: string): DomainError {
  return new DomainError(403, [{ code: 'forbidden', message }]);
}

/**
 * Defence against cross-site request forgery for requests a browser authenticates by itself
 * (the session cookie): the request must say it comes from our own pages. Browsers send
 * `Origin` on every POST, PUT, PATCH and DELETE made by fetch or a form; `Referer` stands in
 * where a proxy stripped it. Our own pages are PUBLIC_URL's origin or the Host the request was
 * sent to. `Sec-Fetch-Site: cross-site` is refused whatever the rest says. SameSite=Lax already
 * keeps the cookie off most cross-site requests; this check does not rely on it.
 *
 * `requireSource`: a cookie-authenticated request with neither header is refused; a public one
 * (signing in, accepting an invitation: API clients without a browser) is let through.
 */
export function refuseCrossSite(request: GatewayRequest, options: { requireSource: boolean }): void {
  refuseCrossSiteFetch(request);
  const source = request.header('origin') ?? request.header('referer');
  if (source === undefined) {
    if (options.requireSource) throw forbidden('cross-site request check: a cookie-authenticated change needs an Origin or Referer header');
    return;
  }
  const origin = originOf(source);
  if (origin === null || !ownOrigins(request).includes(origin)) {
    throw forbidden(`cross-site requests are refused: ${origin ?? 'an opaque origin'} is not this site's origin`);
  }
}

/**
 * The browser's own word that another site made the request (`Sec-Fetch-Site: cross-site`): refused
 * for every cookie-authenticated request, reads included, since the web app never makes one.
 */
export function refuseCrossSiteFetch(request: GatewayRequest): void {
  if (request.header('sec-fetch-site')?.toLowerCase() === 'cross-site') {
    throw forbidden('cross-site requests are refused (Sec-Fetch-Site: cross-site)');
  }
}

function ownOrigins(request: GatewayRequest): string[] {
  const origins = [originOf(request.context?.publicBaseUrl ?? '')];
  const host = request.get('host');
  if (host) origins.push(originOf(`${request.protocol}://${host}`));
  return origins.filter((origin): origin is string => origin !== null);
}

/** `scheme://host[:port]` with default ports dropped; null for "null" (opaque) or anything unparsable. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
