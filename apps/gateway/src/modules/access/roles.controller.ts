import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { Actor, RecordsRequests as R, RoleAttributes, RoleDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { ROLE_SCHEMA } from '../../openapi/lifecycle-schemas';
import { ROLE_LIST } from '../lifecycle-list-specs';

/** Our extension: roles with named permissions (Admin, Manager, Sales rep, and custom ones). */
@SellResource('roles', 'Roles')
export class RolesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List roles', 'role', ROLE_SCHEMA, ROLE_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<RoleDto>> {
    return collection('role', await this.rpc.request(R.ListRoles, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a role', 'role', ROLE_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'role') id: number): Promise<SingleEnvelope<RoleDto>> {
    return single('role', await this.rpc.request(R.GetRole, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a role (manage users)', 'role', ROLE_SCHEMA, RoleAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('role') data: Record<string, unknown>): Promise<SingleEnvelope<RoleDto>> {
    return single('role', await this.rpc.request(R.CreateRole, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a role (manage users)', 'role', ROLE_SCHEMA, RoleAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'role') id: number,
    @SellData('role') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<RoleDto>> {
    return single('role', await this.rpc.request(R.UpdateRole, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a role nobody has (manage users)')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'role') id: number): Promise<void> {
    await this.rpc.request(R.DeleteRole, { ...actor, id });
  }
}
