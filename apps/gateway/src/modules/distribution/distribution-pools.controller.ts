import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { Actor, DistributionPoolAttributes, DistributionPoolDto, DistributionRequests as D } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { NEXT_OWNER_SCHEMA, POOL_LIST, POOL_SCHEMA } from './distribution-schemas';

/**
 * Our extension: distribution pools. Records are given to the members in order (round robin);
 * wherever an owner is chosen, `owner_pool_id` may name a pool instead of `owner_id` a user.
 */
@SellResource('distribution_pools', 'Distribution pools')
export class DistributionPoolsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List distribution pools', 'distribution_pool', POOL_SCHEMA, POOL_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<DistributionPoolDto>> {
    return collection('distribution_pool', await this.rpc.request(D.ListPools, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a distribution pool', 'distribution_pool', POOL_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'distribution_pool') id: number): Promise<SingleEnvelope<DistributionPoolDto>> {
    return single('distribution_pool', await this.rpc.request(D.GetPool, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a distribution pool (manage settings)', 'distribution_pool', POOL_SCHEMA, DistributionPoolAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('distribution_pool') data: Record<string, unknown>): Promise<SingleEnvelope<DistributionPoolDto>> {
    return single('distribution_pool', await this.rpc.request(D.CreatePool, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a pool; `members` replaces the ordered list (manage settings)', 'distribution_pool', POOL_SCHEMA, DistributionPoolAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'distribution_pool') id: number,
    @SellData('distribution_pool') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<DistributionPoolDto>> {
    return single('distribution_pool', await this.rpc.request(D.UpdatePool, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a distribution pool (manage settings)')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'distribution_pool') id: number): Promise<void> {
    await this.rpc.request(D.DeletePool, { ...actor, id });
  }

  /** For integrations that create records elsewhere: the pool's next owner, logged. */
  @Post(':id/next_owner')
  @HttpCode(200)
  @ApiSellRead('Take the next owner from a pool (409 when no member is available)', 'next_owner', NEXT_OWNER_SCHEMA)
  async nextOwner(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'distribution_pool') id: number,
  ): Promise<SingleEnvelope<{ user_id: number; assignment_id: number; resource_type: string }>> {
    const reply = await this.rpc.request(D.NextOwners, {
      ...actor,
      poolId: id,
      resourceTypes: ['lead', 'contact', 'deal'],
      count: 1,
      source: 'api',
    });
    return single('next_owner', { user_id: reply.ownerIds[0], assignment_id: reply.assignmentIds[0], resource_type: reply.resourceType });
  }
}
