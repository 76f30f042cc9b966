import { Get, HttpCode, Post } from '@nestjs/common';
import { Actor, LeadConversionAttributes, LeadConversionDto, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { LEAD_CONVERSION_SCHEMA } from '../../openapi/lifecycle-schemas';
import { LEAD_CONVERSION_LIST } from '../lifecycle-list-specs';

/** Converting a lead (our extension to create; readable as Sell's `lead_conversions`). */
@SellResource('lead_conversions', 'Lead conversions')
export class LeadConversionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List lead conversions', 'lead_conversion', LEAD_CONVERSION_SCHEMA, LEAD_CONVERSION_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<LeadConversionDto>> {
    return collection('lead_conversion', await this.rpc.request(R.ListLeadConversions, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a lead conversion', 'lead_conversion', LEAD_CONVERSION_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'lead_conversion') id: number): Promise<SingleEnvelope<LeadConversionDto>> {
    return single('lead_conversion', await this.rpc.request(R.GetLeadConversion, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite(
    'Convert a lead into a contact (and its organization), optionally with a deal; 409 if converted already',
    'lead_conversion',
    LEAD_CONVERSION_SCHEMA,
    LeadConversionAttributes,
  )
  async convert(
    @CurrentActor() actor: Actor,
    @SellData('lead_conversion') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<LeadConversionDto>> {
    return single('lead_conversion', await this.rpc.request(R.ConvertLead, { ...actor, data }));
  }
}
