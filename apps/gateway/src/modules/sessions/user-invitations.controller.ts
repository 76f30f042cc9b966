import { HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Actor, SignInRequests as S } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { GatewayRequest } from '../../http/gateway-request';
import { CurrentActor, RecordId } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellErrors } from '../../openapi/api-decorators';
import { toInvitationLink } from './invitation-link';
import { ISSUED_INVITATION_ENVELOPE } from './sign-in.schemas';

/**
 * An invitation link for a user (extension; admins with manage_users): how a user gets a
 * password, and how a forgotten one is reset. Records decides who may, and 404s another
 * account's user.
 */
@SellResource('users/:user_id/invitation', 'Sign-in')
export class UserInvitationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Create a single-use invitation link (7 days) to choose the user's password; voids the user's older unused links. " +
      'For a user who has a password it is a reset: accepting replaces it and ends their sessions (extension)',
  })
  @ApiResponse({ status: 201, schema: ISSUED_INVITATION_ENVELOPE })
  @ApiSellErrors(403, 404, 422)
  async create(@CurrentActor() actor: Actor, @RecordId('user_id', 'user') targetUserId: number, @Req() request: GatewayRequest) {
    const issued = await this.rpc.request(S.CreateInvitation, { ...actor, targetUserId });
    return { data: toInvitationLink(request.context?.publicBaseUrl ?? '', issued), meta: { type: 'invitation' as const } };
  }
}
