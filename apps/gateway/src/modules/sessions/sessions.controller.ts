import { Controller, Delete, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, SignInRequests as S, UserDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { Response } from 'express';
import { BearerAuthGuard } from '../../auth/bearer-auth.guard';
import { refuseCrossSite } from '../../auth/cross-site-requests';
import { clearSessionCookie, setSessionCookie } from '../../auth/session-cookie';
import { isSessionIdentity, TokenCache } from '../../auth/token-cache';
import { single, SingleEnvelope } from '../../http/envelopes';
import type { GatewayRequest } from '../../http/gateway-request';
import { QueryParamsGuard } from '../../http/query-params.guard';
import { SellData } from '../../http/request-decorators';
import { ApiSellErrors } from '../../openapi/api-decorators';
import { SignInRateLimiter } from './sign-in-rate-limiter';
import { SESSION_COOKIE_HEADER, SIGN_IN_BODY, SIGNED_IN_USER_ENVELOPE } from './sign-in.schemas';

/**
 * Web app sessions: sign in with email and password (public), sign out with the cookie. API
 * clients keep using bearer tokens; a session is for a browser.
 */
@ApiTags('Sign-in')
@Controller('v2/sessions')
export class SessionsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: TokenCache,
    private readonly attempts: SignInRateLimiter,
  ) {}

  @Post()
  @HttpCode(201)
  @UseGuards(QueryParamsGuard)
  @ApiOperation({
    summary:
      'Sign in with email and password: sets the session cookie (14 days). Any mistake, or a deactivated user, is one 401 ' +
      'that does not say which part was wrong; 10 attempts per address and client in 5 minutes (public; extension)',
  })
  @ApiBody({ schema: SIGN_IN_BODY })
  @ApiResponse({ status: 201, schema: SIGNED_IN_USER_ENVELOPE, headers: SESSION_COOKIE_HEADER })
  @ApiSellErrors(401, 403, 422, 429)
  async signIn(
    @SellData('session') data: Record<string, unknown>,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SingleEnvelope<UserDto>> {
    refuseCrossSite(request, { requireSource: false });
    this.attempts.take(request, response, data.email);
    const signedIn = await this.rpc.request(S.CreateSession, { data, correlationId: request.context?.requestId });
    setSessionCookie(request, response, signedIn.session.token);
    return single('user', signedIn.user);
  }

  @Delete('current')
  @HttpCode(204)
  @UseGuards(BearerAuthGuard, QueryParamsGuard)
  @ApiCookieAuth('session')
  @ApiOperation({ summary: 'Sign out: ends the session of the cookie everywhere and clears the cookie (extension)' })
  @ApiNoContentResponse({ description: 'signed out; Set-Cookie clears crm_session (Max-Age=0)' })
  @ApiSellErrors(401, 403)
  async signOut(@Req() request: GatewayRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    const identity = request.identity;
    if (!identity || !isSessionIdentity(identity)) {
      throw new DomainError(401, [{ code: 'unauthorized', message: 'signing out needs the session cookie (API tokens are revoked instead)' }]);
    }
    await this.rpc.request(S.RevokeSession, {
      accountId: identity.accountId,
      userId: identity.userId,
      sessionId: identity.sessionId,
      correlationId: request.context?.requestId,
    });
    // Other replicas hear records' event; this one forgets at once.
    this.cache.forgetSession(identity.accountId, identity.sessionId);
    clearSessionCookie(request, response);
  }
}
