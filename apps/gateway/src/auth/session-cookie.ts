import { SESSION_TTL_SECONDS } from '@crm/contracts';
import { parse, serialize } from 'cookie';
import type { Response } from 'express';
import type { GatewayRequest } from '../http/gateway-request';

export const SESSION_COOKIE = 'crm_session';
/** What records issues: 32 random bytes in hex. Anything else is refused without asking. */
const SESSION_TOKEN = /^[0-9a-f]{64}$/;

/** The `crm_session` cookie's value: absent, or present but not a session token's shape. */
export function sessionCookieOf(request: GatewayRequest): { token: string } | { problem: string } | undefined {
  const header = request.header('cookie');
  if (!header) return undefined;
  const value = parse(header)[SESSION_COOKIE];
  if (value === undefined) return undefined;
  return SESSION_TOKEN.test(value) ? { token: value } : { problem: 'the session cookie is malformed: sign in again' };
}

/**
 * HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site POSTs), Path=/, and
 * Secure when the public address is https, so it never travels in clear text there.
 */
export function setSessionCookie(request: GatewayRequest, response: Response, token: string): void {
  response.append('Set-Cookie', serialize(SESSION_COOKIE, token, cookieOptions(request, SESSION_TTL_SECONDS)));
}

export function clearSessionCookie(request: GatewayRequest, response: Response): void {
  response.append('Set-Cookie', serialize(SESSION_COOKIE, '', cookieOptions(request, 0)));
}

function cookieOptions(request: GatewayRequest, maxAge: number) {
  const secure = (request.context?.publicBaseUrl ?? '').startsWith('https:');
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge, secure };
}
