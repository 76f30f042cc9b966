import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import {
  Actor,
  CustomFieldAttributes,
  CustomFieldDto,
  DealAttributes,
  DealDto,
  RecordsRequests as R,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, pageOfArray, single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { ListRoute } from '../../http/query-params.guard';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { CUSTOM_FIELD_SCHEMA, DEAL_SCHEMA } from '../../openapi/response-schemas';
import { CUSTOM_FIELD_LIST, DEAL_LIST } from '../list-specs';

@SellResource('deals', 'Deals')
export class DealsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List deals', 'deal', DEAL_SCHEMA, DEAL_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<DealDto>> {
    return collection('deal', await this.rpc.request(R.ListDeals, { ...actor, query: list.query }), list);
  }

  // Declared before `:id`, which would otherwise take "custom_fields" as an id.
  @Get('custom_fields')
  @ListRoute('List custom fields of deals', 'custom_field', CUSTOM_FIELD_SCHEMA, CUSTOM_FIELD_LIST)
  async listCustomFields(
    @CurrentActor() actor: Actor,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<CustomFieldDto>> {
    const fields = await this.rpc.request(R.ListCustomFields, { ...actor, resourceType: 'deal' });
    return collection('custom_field', pageOfArray(fields, list.query), list);
  }

  @Post('custom_fields')
  @HttpCode(200)
  @ApiSellWrite('Define a custom field of deals (admin; extension)', 'custom_field', CUSTOM_FIELD_SCHEMA, CustomFieldAttributes)
  async createCustomField(
    @CurrentActor() actor: Actor,
    @SellData('custom_field') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<CustomFieldDto>> {
    return single('custom_field', await this.rpc.request(R.CreateCustomField, { ...actor, resourceType: 'deal', data }));
  }

  @Get(':id')
  @ApiSellRead('Retrieve a deal', 'deal', DEAL_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'deal') id: number): Promise<SingleEnvelope<DealDto>> {
    return single('deal', await this.rpc.request(R.GetDeal, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a deal', 'deal', DEAL_SCHEMA, DealAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('deal') data: Record<string, unknown>): Promise<SingleEnvelope<DealDto>> {
    return single('deal', await this.rpc.request(R.CreateDeal, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a deal', 'deal', DEAL_SCHEMA, DealAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'deal') id: number,
    @SellData('deal') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<DealDto>> {
    return single('deal', await this.rpc.request(R.UpdateDeal, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a deal')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'deal') id: number): Promise<void> {
    await this.rpc.request(R.DeleteDeal, { ...actor, id });
  }
}
