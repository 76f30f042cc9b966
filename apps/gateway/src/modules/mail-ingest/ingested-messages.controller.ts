import { Get, HttpCode, Post } from '@nestjs/common';
import { Actor, IngestedMessageDto, MailIngestRequests as M } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { INGESTED_MESSAGE_LIST, INGESTED_MESSAGE_SCHEMA } from './mail-ingest-schemas';

/** Our extension: every message sent to the account's BCC and deal addresses, its status and ingest log (manage settings). */
@SellResource('ingested_messages', 'Mail')
export class IngestedMessagesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List received messages, newest first (filter by status: pending, filed, failed)', 'ingested_message', INGESTED_MESSAGE_SCHEMA, INGESTED_MESSAGE_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<IngestedMessageDto>> {
    return collection('ingested_message', await this.rpc.request(M.ListIngestedMessages, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a received message with its ingest log', 'ingested_message', INGESTED_MESSAGE_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'ingested_message') id: number): Promise<SingleEnvelope<IngestedMessageDto>> {
    return single('ingested_message', await this.rpc.request(M.GetIngestedMessage, { ...actor, id }));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiSellRead('File a failed message again', 'ingested_message', INGESTED_MESSAGE_SCHEMA)
  async retry(@CurrentActor() actor: Actor, @RecordId('id', 'ingested_message') id: number): Promise<SingleEnvelope<IngestedMessageDto>> {
    return single('ingested_message', await this.rpc.request(M.RetryIngestedMessage, { ...actor, id }));
  }
}
