import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@crm/contracts';
import type { GatewayRequest } from '../http/gateway-request';
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
 * Every /v2 route: a token of the wrong shape is refused without asking records; otherwise the
 * verified identity is put on the request. Records answers 401 for unknown or revoked tokens and
 * deactivated users, and that answer is passed on as it is.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const bearer = bearerTokenOf(request.header('authorization'));
    if ('problem' in bearer) throw unauthorized(bearer.problem);
    request.identity = await this.verifier.verify(bearer.token);
    return true;
  }
}
