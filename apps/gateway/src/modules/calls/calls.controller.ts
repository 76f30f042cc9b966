import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { Actor, CallAttributes, CallDto, CommunicationsRequests as C } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { CALL_LIST } from './call-list-specs';
import { CALL_SCHEMA } from './call-schemas';

@SellResource('calls', 'Calls')
export class CallsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List calls', 'call', CALL_SCHEMA, CALL_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<CallDto>> {
    return collection('call', await this.rpc.request(C.ListCalls, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a call', 'call', CALL_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'call') id: number): Promise<SingleEnvelope<CallDto>> {
    return single('call', await this.rpc.request(C.GetCall, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Log a call', 'call', CALL_SCHEMA, CallAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('call') data: Record<string, unknown>): Promise<SingleEnvelope<CallDto>> {
    return single('call', await this.rpc.request(C.CreateCall, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a call', 'call', CALL_SCHEMA, CallAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'call') id: number,
    @SellData('call') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<CallDto>> {
    return single('call', await this.rpc.request(C.UpdateCall, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a call')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'call') id: number): Promise<void> {
    await this.rpc.request(C.DeleteCall, { ...actor, id });
  }
}
