import { Get } from '@nestjs/common';
import { Actor, CommunicationsRequests as C, TextMessageDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { TEXT_MESSAGE_LIST } from './call-list-specs';
import { TEXT_MESSAGE_SCHEMA } from './call-schemas';

/** Read-only, as in Sell: messages are sent and received through telephony. */
@SellResource('text_messages', 'Text messages')
export class TextMessagesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List text messages (newest first by default)', 'text_message', TEXT_MESSAGE_SCHEMA, TEXT_MESSAGE_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<TextMessageDto>> {
    return collection('text_message', await this.rpc.request(C.ListTextMessages, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a text message', 'text_message', TEXT_MESSAGE_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'text_message') id: number): Promise<SingleEnvelope<TextMessageDto>> {
    return single('text_message', await this.rpc.request(C.GetTextMessage, { ...actor, id }));
  }
}
