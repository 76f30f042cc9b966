import { Get } from '@nestjs/common';
import { Actor, PhoneCenterCallDto, PhoneCenterCountsDto, PhoneCenterRequests as P, PhoneCenterTextMessageDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { PHONE_CENTER_CALL_LIST, PHONE_CENTER_TEXT_MESSAGE_LIST } from './phone-center-list-specs';
import { PHONE_CENTER_CALL_SCHEMA, PHONE_CENTER_COUNTS_SCHEMA, PHONE_CENTER_TEXT_MESSAGE_SCHEMA } from './phone-center-schemas';

/** Our extension: the current user's calls and text messages in the Communication Center. Answered by communications. */
@SellResource('communications', 'Communication Center')
export class PhoneCenterListsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('calls')
  @ListRoute(
    'List your calls, newest first (extension): matched=true|false, missed=true (matched and unmatched); matched ones by lead_status and owner_id',
    'call',
    PHONE_CENTER_CALL_SCHEMA,
    PHONE_CENTER_CALL_LIST,
  )
  async calls(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<PhoneCenterCallDto>> {
    return collection('call', await this.rpc.request(P.ListCalls, { ...actor, query: list.query }), list);
  }

  @Get('text_messages')
  @ListRoute(
    'List your text messages, newest first (extension): matched=true|false, unread, incoming; matched ones by lead_status and owner_id; one conversation by phone_number',
    'text_message',
    PHONE_CENTER_TEXT_MESSAGE_SCHEMA,
    PHONE_CENTER_TEXT_MESSAGE_LIST,
  )
  async textMessages(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<PhoneCenterTextMessageDto>> {
    return collection('text_message', await this.rpc.request(P.ListTextMessages, { ...actor, query: list.query }), list);
  }

  @Get('counts')
  @ApiSellRead('The counts in brackets (extension): missed calls, unread texts, unmatched calls and texts', 'communication_counts', PHONE_CENTER_COUNTS_SCHEMA)
  async counts(@CurrentActor() actor: Actor): Promise<SingleEnvelope<PhoneCenterCountsDto>> {
    return single('communication_counts', await this.rpc.request(P.CountItems, actor));
  }
}
