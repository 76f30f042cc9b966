import { Delete, Get, HttpCode, Post } from '@nestjs/common';
import { Actor, AssociatedContactAttributes, AssociatedContactDto, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { ListRoute } from '../../http/query-params.guard';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellWrite } from '../../openapi/api-decorators';
import { ASSOCIATED_CONTACT_SCHEMA } from '../../openapi/response-schemas';
import { ASSOCIATED_CONTACT_LIST } from '../list-specs';

/** The contacts involved in a deal beyond its main contact. */
@SellResource('deals/:deal_id/associated_contacts', 'Deals')
export class AssociatedContactsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute("List a deal's associated contacts", 'associated_contact', ASSOCIATED_CONTACT_SCHEMA, ASSOCIATED_CONTACT_LIST)
  async list(
    @CurrentActor() actor: Actor,
    @RecordId('deal_id', 'deal') dealId: number,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<AssociatedContactDto>> {
    const page = await this.rpc.request(R.ListAssociatedContacts, { ...actor, dealId, query: list.query });
    return collection('associated_contact', page, list);
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Associate a contact with a deal', 'associated_contact', ASSOCIATED_CONTACT_SCHEMA, AssociatedContactAttributes)
  async add(
    @CurrentActor() actor: Actor,
    @RecordId('deal_id', 'deal') dealId: number,
    @SellData('associated_contact') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<AssociatedContactDto>> {
    return single('associated_contact', await this.rpc.request(R.AddAssociatedContact, { ...actor, dealId, data }));
  }

  @Delete(':contact_id')
  @HttpCode(204)
  @ApiSellDelete('Remove a contact from a deal')
  async remove(
    @CurrentActor() actor: Actor,
    @RecordId('deal_id', 'deal') dealId: number,
    @RecordId('contact_id', 'associated_contact') contactId: number,
  ): Promise<void> {
    await this.rpc.request(R.RemoveAssociatedContact, { ...actor, dealId, contactId });
  }
}
