import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import {
  Actor,
  BulkActionAttributes,
  ContactDto,
  DealDto,
  JobDto,
  LeadDto,
  RecordsRequests as R,
  SmartListAttributes,
  SmartListDto,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellErrors, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { CONTACT_SCHEMA, DEAL_SCHEMA, LEAD_SCHEMA } from '../../openapi/response-schemas';
import { COUNT_SCHEMA, JOB_SCHEMA, SMART_LIST_LIST, SMART_LIST_SCHEMA, smartListItems } from './smart-list-schemas';

/**
 * Smart lists (extension): saved filters over leads, contacts or deals. A list's records are
 * read at the path of its own type; another type's path answers 422 naming the right one.
 */
@SellResource('smart_lists', 'Smart lists')
export class SmartListsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List smart lists', 'smart_list', SMART_LIST_SCHEMA, SMART_LIST_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<SmartListDto>> {
    return collection('smart_list', await this.rpc.request(R.ListSmartLists, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a smart list', 'smart_list', SMART_LIST_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'smart_list') id: number): Promise<SingleEnvelope<SmartListDto>> {
    return single('smart_list', await this.rpc.request(R.GetSmartList, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a smart list', 'smart_list', SMART_LIST_SCHEMA, SmartListAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('smart_list') data: Record<string, unknown>): Promise<SingleEnvelope<SmartListDto>> {
    return single('smart_list', await this.rpc.request(R.CreateSmartList, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellErrors(403)
  @ApiSellWrite('Update a smart list (its creator, or a user who may manage settings)', 'smart_list', SMART_LIST_SCHEMA, SmartListAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'smart_list') id: number,
    @SellData('smart_list') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<SmartListDto>> {
    return single('smart_list', await this.rpc.request(R.UpdateSmartList, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellErrors(403)
  @ApiSellDelete('Delete a smart list (its creator, or a user who may manage settings)')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'smart_list') id: number): Promise<void> {
    await this.rpc.request(R.DeleteSmartList, { ...actor, id });
  }

  @Get(':id/leads')
  @ListRoute("A lead smart list's leads", 'lead', LEAD_SCHEMA, smartListItems('lead'))
  async leads(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'smart_list') smartListId: number,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<LeadDto>> {
    return collection('lead', await this.rpc.request(R.ListSmartListLeads, { ...actor, smartListId, query: list.query }), list);
  }

  @Get(':id/contacts')
  @ListRoute("A contact smart list's contacts", 'contact', CONTACT_SCHEMA, smartListItems('contact'))
  async contacts(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'smart_list') smartListId: number,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<ContactDto>> {
    return collection('contact', await this.rpc.request(R.ListSmartListContacts, { ...actor, smartListId, query: list.query }), list);
  }

  @Get(':id/deals')
  @ListRoute("A deal smart list's deals", 'deal', DEAL_SCHEMA, smartListItems('deal'))
  async deals(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'smart_list') smartListId: number,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<DealDto>> {
    return collection('deal', await this.rpc.request(R.ListSmartListDeals, { ...actor, smartListId, query: list.query }), list);
  }

  @Get(':id/count')
  @ApiSellRead('How many records a smart list matches (those the user may see)', 'count', COUNT_SCHEMA)
  async count(@CurrentActor() actor: Actor, @RecordId('id', 'smart_list') id: number): Promise<SingleEnvelope<{ count: number }>> {
    return single('count', await this.rpc.request(R.CountSmartList, { ...actor, id }));
  }

  @Post(':id/bulk_actions')
  @HttpCode(202)
  @ApiSellErrors(403)
  @ApiSellWrite(
    'Start a bulk action on the records the list matches now (reassign_owner needs the reassign right); follow it at /v2/jobs/{id}',
    'job',
    JOB_SCHEMA,
    BulkActionAttributes,
    202,
  )
  async startBulkAction(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'smart_list') smartListId: number,
    @SellData('bulk_action') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<JobDto>> {
    return single('job', await this.rpc.request(R.StartBulkAction, { ...actor, smartListId, data }));
  }
}
