import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import {
  Actor,
  CustomFieldAttributes,
  CustomFieldDto,
  LeadAttributes,
  LeadDto,
  RecordsRequests as R,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, pageOfArray, single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { ListRoute } from '../../http/query-params.guard';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { CUSTOM_FIELD_SCHEMA, LEAD_SCHEMA } from '../../openapi/response-schemas';
import { CUSTOM_FIELD_LIST, LEAD_LIST } from '../list-specs';

@SellResource('leads', 'Leads')
export class LeadsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List leads', 'lead', LEAD_SCHEMA, LEAD_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<LeadDto>> {
    return collection('lead', await this.rpc.request(R.ListLeads, { ...actor, query: list.query }), list);
  }

  // Declared before `:id`, which would otherwise take "custom_fields" as an id.
  @Get('custom_fields')
  @ListRoute('List custom fields of leads', 'custom_field', CUSTOM_FIELD_SCHEMA, CUSTOM_FIELD_LIST)
  async listCustomFields(
    @CurrentActor() actor: Actor,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<CustomFieldDto>> {
    const fields = await this.rpc.request(R.ListCustomFields, { ...actor, resourceType: 'lead' });
    return collection('custom_field', pageOfArray(fields, list.query), list);
  }

  @Post('custom_fields')
  @HttpCode(200)
  @ApiSellWrite('Define a custom field of leads (admin; extension)', 'custom_field', CUSTOM_FIELD_SCHEMA, CustomFieldAttributes)
  async createCustomField(
    @CurrentActor() actor: Actor,
    @SellData('custom_field') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<CustomFieldDto>> {
    return single('custom_field', await this.rpc.request(R.CreateCustomField, { ...actor, resourceType: 'lead', data }));
  }

  @Get(':id')
  @ApiSellRead('Retrieve a lead', 'lead', LEAD_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'lead') id: number): Promise<SingleEnvelope<LeadDto>> {
    return single('lead', await this.rpc.request(R.GetLead, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a lead', 'lead', LEAD_SCHEMA, LeadAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('lead') data: Record<string, unknown>): Promise<SingleEnvelope<LeadDto>> {
    return single('lead', await this.rpc.request(R.CreateLead, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a lead', 'lead', LEAD_SCHEMA, LeadAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'lead') id: number,
    @SellData('lead') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<LeadDto>> {
    return single('lead', await this.rpc.request(R.UpdateLead, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a lead')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'lead') id: number): Promise<void> {
    await this.rpc.request(R.DeleteLead, { ...actor, id });
  }
}
