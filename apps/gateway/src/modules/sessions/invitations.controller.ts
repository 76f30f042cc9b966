import { Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, SignInRequests as S, UserDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { Response } from 'express';
import { refuseCrossSite } from '../../auth/cross-site-requests';
import { TokenCache } from '../../auth/token-cache';
import { setSessionCookie } from '../../auth/session-cookie';
import { single, SingleEnvelope } from '../../http/envelopes';
import type { GatewayRequest } from '../../http/gateway-request';
import { QueryParamsGuard } from '../../http/query-params.guard';
import { SellData } from '../../http/request-decorators';
import { ApiSellErrors } from '../../openapi/api-decorators';
import { INVITATION_ENVELOPE, PASSWORD_BODY, SESSION_COOKIE_HEADER, SIGNED_IN_USER_ENVELOPE } from './sign-in.schemas';

/** 32 random bytes, base64url: anything else is not asked about. */
const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

function invalidLink(): DomainError {
  return new DomainError(404, [{ resource: 'invitation', code: 'not_found', message: 'this invitation link is invalid or has expired: ask an admin for a new one' }]);
}

/**
 * The web app's accept-invitation page talks to these (public: the link's token is the key, so
 * deliberately not a `@SellResource`). Accepting sets the password and signs the user in.
 */
@ApiTags('Sign-in')
@Controller('v2/invitations')
@UseGuards(QueryParamsGuard)
export class InvitationsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: TokenCache,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: 'Whose invitation a link is, while it can be accepted (public, no authentication; extension)' })
  @ApiParam({ name: 'token', description: 'the token from the invitation link' })
  @ApiResponse({ status: 200, schema: INVITATION_ENVELOPE })
  @ApiSellErrors(404)
  async get(@Param('token') token: string) {
    if (!INVITATION_TOKEN.test(token)) throw invalidLink();
    return { data: await this.rpc.request(S.GetInvitation, { token }), meta: { type: 'invitation' as const } };
  }

  @Post(':token/accept')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Choose the password (10 to 200 characters) and sign in: sets the session cookie. Ends any other session of the user ' +
      '(public, no authentication; extension)',
  })
  @ApiParam({ name: 'token', description: 'the token from the invitation link' })
  @ApiBody({ schema: PASSWORD_BODY })
  @ApiResponse({ status: 201, schema: SIGNED_IN_USER_ENVELOPE, headers: SESSION_COOKIE_HEADER })
  @ApiSellErrors(403, 404, 422)
  async accept(
    @Param('token') token: string,
    @SellData('user') data: Record<string, unknown>,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SingleEnvelope<UserDto>> {
    refuseCrossSite(request, { requireSource: false });
    if (!INVITATION_TOKEN.test(token)) throw invalidLink();
    const signedIn = await this.rpc.request(S.AcceptInvitation, { token, data, correlationId: request.context?.requestId });
    // Accepting ended the user's other sessions: other replicas hear records' events, this one forgets at once.
    this.cache.forgetSessionsOfUser(signedIn.user.id);
    setSessionCookie(request, response, signedIn.session.token);
    return single('user', signedIn.user);
  }
}
