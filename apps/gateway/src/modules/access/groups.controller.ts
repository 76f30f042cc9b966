import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { Actor, RecordsRequests as R, GroupAttributes, GroupDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { GROUP_SCHEMA } from '../../openapi/lifecycle-schemas';
import { GROUP_LIST } from '../lifecycle-list-specs';

/** Our extension: groups (teams) of users; a user joins one with its `group_id`. */
@SellResource('groups', 'Groups')
export class GroupsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List groups', 'group', GROUP_SCHEMA, GROUP_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<GroupDto>> {
    return collection('group', await this.rpc.request(R.ListGroups, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a group', 'group', GROUP_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'group') id: number): Promise<SingleEnvelope<GroupDto>> {
    return single('group', await this.rpc.request(R.GetGroup, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a group (manage users)', 'group', GROUP_SCHEMA, GroupAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('group') data: Record<string, unknown>): Promise<SingleEnvelope<GroupDto>> {
    return single('group', await this.rpc.request(R.CreateGroup, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a group (manage users)', 'group', GROUP_SCHEMA, GroupAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'group') id: number,
    @SellData('group') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<GroupDto>> {
    return single('group', await this.rpc.request(R.UpdateGroup, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a group; its users stay (manage users)')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'group') id: number): Promise<void> {
    await this.rpc.request(R.DeleteGroup, { ...actor, id });
  }
}
