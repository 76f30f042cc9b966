import { Delete, Get, HttpCode, Post } from '@nestjs/common';
import { Actor, ApiTokenAttributes, ApiTokenDto, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { TokenCache } from '../../auth/token-cache';
import { collection, CollectionEnvelope, ListContext, pageOfArray, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellWrite } from '../../openapi/api-decorators';
import { API_TOKEN_SCHEMA } from '../../openapi/response-schemas';
import { API_TOKEN_LIST } from '../list-specs';

/** API tokens of a user (extension): who may see or manage whose tokens is decided by records. */
@SellResource('users/:user_id/tokens', 'API tokens')
export class ApiTokensController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenCache,
  ) {}

  @Get()
  @ListRoute("List a user's API tokens (never their secrets)", 'api_token', API_TOKEN_SCHEMA, API_TOKEN_LIST)
  async list(
    @CurrentActor() actor: Actor,
    @RecordId('user_id', 'user') targetUserId: number,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<ApiTokenDto>> {
    const tokens = await this.rpc.request(R.ListApiTokens, { ...actor, targetUserId });
    return collection('api_token', pageOfArray(tokens, list.query), list);
  }

  @Post()
  @HttpCode(201)
  @ApiSellWrite('Issue an API token; access_token is shown in this reply only', 'api_token', API_TOKEN_SCHEMA, ApiTokenAttributes, 201)
  async issue(
    @CurrentActor() actor: Actor,
    @RecordId('user_id', 'user') targetUserId: number,
    @SellData('api_token') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<ApiTokenDto>> {
    return single('api_token', await this.rpc.request(R.IssueApiToken, { ...actor, targetUserId, data }));
  }

  @Delete(':token_id')
  @HttpCode(204)
  @ApiSellDelete('Revoke an API token')
  async revoke(
    @CurrentActor() actor: Actor,
    @RecordId('user_id', 'user') targetUserId: number,
    @RecordId('token_id', 'api_token') tokenId: number,
  ): Promise<void> {
    await this.rpc.request(R.RevokeApiToken, { ...actor, targetUserId, tokenId });
    // Other replicas drop it within the cache's TTL; this one at once.
    this.tokens.forgetToken(actor.accountId, tokenId);
  }
}
