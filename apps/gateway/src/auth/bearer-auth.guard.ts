import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@crm/contracts';
import type { GatewayRequest } from '../http/gateway-request';
import { isUnsafeMethod, refuseCrossSite, refuseCrossSiteFetch } from './cross-site-requests';
import { sessionCookieOf } from './session-cookie';
import { SessionVerifier } from './session-verifier';
import { TokenVerifier } from './token-verifier';

/** Sell's tokens are 64 printable characters; the official clients refuse anything else. */
const TOKEN = /^[\x21-\x7e]{64}$/;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function unauthorized(message: string): DomainError {
  return new DomainError(401, [{ code: 'unauthorized', message }]);
}

/** The token of an `Authorization: Bearer <token>` header, or why there is none. */
export function bearerTokenOf(header: string | undefined): { token: string } | { problem: string } {
  if (!header) return { problem: 'missing Authorization: Bearer <token> header' };
  const match = BEARER.exec(header);
  if (!match) return { problem: 'the Authorization header must be "Bearer <token>"' };
  if (!TOKEN.test(match[1])) return { problem: 'invalid access token' };
  return { token: match[1] };
}

/**
 * Every /v2 route. Two ways in:
 * - an `Authorization` header (API clients): exactly as Sell, and it wins whenever present. A
 *   token of the wrong shape is refused without asking records; records answers 401 for unknown
 *   or revoked tokens and deactivated users, passed on as it is.
 * - otherwise the web app's `crm_session` cookie, verified the same way (cached, evicted on
 *   sign-out and user changes). A browser sends it by itself, so changes made with it must come
 *   from our own pages (see refuseCrossSite).
 * The verified identity is put on the request.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly sessions: SessionVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const header = request.header('authorization');
    const cookie = header === undefined ? sessionCookieOf(request) : undefined;
    if (cookie === undefined) {
      const bearer = bearerTokenOf(header);
      if ('problem' in bearer) throw unauthorized(bearer.problem);
      request.identity = await this.tokens.verify(bearer.token);
      return true;
    }
    if (isUnsafeMethod(request.method)) refuseCrossSite(request, { requireSource: true });
    else refuseCrossSiteFetch(request);
    if ('problem' in cookie) throw unauthorized(cookie.problem);
    request.identity = await this.sessions.verify(cookie.token);
    return true;
  }
}
