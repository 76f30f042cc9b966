import { Get, HttpCode, Post, Put } from '@nestjs/common';
import { Actor, RecordsRequests as R, UserAttributes, UserDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { TokenCache } from '../../auth/token-cache';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { USER_SCHEMA } from '../../openapi/response-schemas';
import { USER_LIST } from '../list-specs';

@SellResource('users', 'Users')
export class UsersController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenCache,
  ) {}

  @Get()
  @ListRoute('List users', 'user', USER_SCHEMA, USER_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<UserDto>> {
    return collection('user', await this.rpc.request(R.ListUsers, { ...actor, query: list.query }), list);
  }

  // Declared before `:id`, which would otherwise take "self" as an id.
  @Get('self')
  @ApiSellRead('Retrieve the token owner', 'user', USER_SCHEMA)
  async self(@CurrentActor() actor: Actor): Promise<SingleEnvelope<UserDto>> {
    return single('user', await this.rpc.request(R.GetUser, { ...actor, id: actor.userId }));
  }

  @Get(':id')
  @ApiSellRead('Retrieve a user', 'user', USER_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'user') id: number): Promise<SingleEnvelope<UserDto>> {
    return single('user', await this.rpc.request(R.GetUser, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Invite a user (admin; extension)', 'user', USER_SCHEMA, UserAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('user') data: Record<string, unknown>): Promise<SingleEnvelope<UserDto>> {
    return single('user', await this.rpc.request(R.CreateUser, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a user: name, role, status (extension)', 'user', USER_SCHEMA, UserAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'user') id: number,
    @SellData('user') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<UserDto>> {
    const user = await this.rpc.request(R.UpdateUser, { ...actor, id, data });
    // A deactivated user or a changed role must not live on in cached identities.
    this.tokens.forgetUser(actor.accountId, id);
    return single('user', user);
  }
}
