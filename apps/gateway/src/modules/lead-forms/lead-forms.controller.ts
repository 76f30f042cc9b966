import { Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { Actor, LeadFormAttributes, LEAD_FORM_STANDARD_FIELDS, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { SchemaObject } from '@nestjs/swagger';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import type { GatewayRequest } from '../../http/gateway-request';
import { pagedOnly } from '../../http/list-query';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { LeadFormView, withEmbedHtml } from './lead-form-embed';

const SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    creator_id: { type: 'integer' },
    name: { type: 'string' },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', description: `one of ${LEAD_FORM_STANDARD_FIELDS.join(', ')}, or a custom field's name` },
          label: { type: 'string' },
          required: { type: 'boolean' },
          custom_field: { type: 'boolean' },
        },
      },
    },
    owner_id: { type: 'integer', nullable: true },
    owner_pool_id: { type: 'integer', nullable: true },
    token: { type: 'string', description: 'the public key of the submission URL' },
    active: { type: 'boolean' },
    redirect_url: { type: 'string', nullable: true },
    embed_html: { type: 'string', description: 'an HTML form posting to the public submission URL' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
};

function publicBaseUrl(request: GatewayRequest): string {
  return request.context?.publicBaseUrl ?? '';
}

/**
 * Our extension: public lead-capture forms (manage settings). Each comes with an embeddable
 * snippet; its submissions go to the unauthenticated `POST /v2/forms/:token/submissions`.
 */
@SellResource('lead_forms', 'Lead forms')
export class LeadFormsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List lead-capture forms', 'lead_form', SCHEMA, pagedOnly('lead_form'))
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext, @Req() request: GatewayRequest): Promise<CollectionEnvelope<LeadFormView>> {
    const page = await this.rpc.request(R.ListLeadForms, { ...actor, query: list.query });
    const base = publicBaseUrl(request);
    return collection('lead_form', { items: page.items.map((form) => withEmbedHtml(form, base)), hasMore: page.hasMore }, list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a lead-capture form', 'lead_form', SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'lead_form') id: number, @Req() request: GatewayRequest): Promise<SingleEnvelope<LeadFormView>> {
    return single('lead_form', withEmbedHtml(await this.rpc.request(R.GetLeadForm, { ...actor, id }), publicBaseUrl(request)));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a lead-capture form', 'lead_form', SCHEMA, LeadFormAttributes)
  async create(
    @CurrentActor() actor: Actor,
    @SellData('lead_form') data: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<SingleEnvelope<LeadFormView>> {
    return single('lead_form', withEmbedHtml(await this.rpc.request(R.CreateLeadForm, { ...actor, data }), publicBaseUrl(request)));
  }

  @Put(':id')
  @ApiSellWrite('Update a lead-capture form', 'lead_form', SCHEMA, LeadFormAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'lead_form') id: number,
    @SellData('lead_form') data: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<SingleEnvelope<LeadFormView>> {
    return single('lead_form', withEmbedHtml(await this.rpc.request(R.UpdateLeadForm, { ...actor, id, data }), publicBaseUrl(request)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a lead-capture form')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'lead_form') id: number): Promise<void> {
    await this.rpc.request(R.DeleteLeadForm, { ...actor, id });
  }
}
