import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import {
  Actor,
  CustomFieldAttributes,
  CustomFieldDto,
  ContactAttributes,
  ContactDto,
  RecordsRequests as R,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, pageOfArray, single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { ListRoute } from '../../http/query-params.guard';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { CUSTOM_FIELD_SCHEMA, CONTACT_SCHEMA } from '../../openapi/response-schemas';
import { CUSTOM_FIELD_LIST, CONTACT_LIST } from '../list-specs';

@SellResource('contacts', 'Contacts')
export class ContactsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List contacts', 'contact', CONTACT_SCHEMA, CONTACT_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<ContactDto>> {
    return collection('contact', await this.rpc.request(R.ListContacts, { ...actor, query: list.query }), list);
  }

  // Declared before `:id`, which would otherwise take "custom_fields" as an id.
  @Get('custom_fields')
  @ListRoute('List custom fields of contacts', 'custom_field', CUSTOM_FIELD_SCHEMA, CUSTOM_FIELD_LIST)
  async listCustomFields(
    @CurrentActor() actor: Actor,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<CustomFieldDto>> {
    const fields = await this.rpc.request(R.ListCustomFields, { ...actor, resourceType: 'contact' });
    return collection('custom_field', pageOfArray(fields, list.query), list);
  }

  @Post('custom_fields')
  @HttpCode(200)
  @ApiSellWrite('Define a custom field of contacts (admin; extension)', 'custom_field', CUSTOM_FIELD_SCHEMA, CustomFieldAttributes)
  async createCustomField(
    @CurrentActor() actor: Actor,
    @SellData('custom_field') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<CustomFieldDto>> {
    return single('custom_field', await this.rpc.request(R.CreateCustomField, { ...actor, resourceType: 'contact', data }));
  }

  @Get(':id')
  @ApiSellRead('Retrieve a contact', 'contact', CONTACT_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'contact') id: number): Promise<SingleEnvelope<ContactDto>> {
    return single('contact', await this.rpc.request(R.GetContact, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a contact', 'contact', CONTACT_SCHEMA, ContactAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('contact') data: Record<string, unknown>): Promise<SingleEnvelope<ContactDto>> {
    return single('contact', await this.rpc.request(R.CreateContact, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a contact', 'contact', CONTACT_SCHEMA, ContactAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'contact') id: number,
    @SellData('contact') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<ContactDto>> {
    return single('contact', await this.rpc.request(R.UpdateContact, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a contact')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'contact') id: number): Promise<void> {
    await this.rpc.request(R.DeleteContact, { ...actor, id });
  }
}
