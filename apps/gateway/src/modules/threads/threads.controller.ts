import { Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ActivityRequests as A,
  Actor,
  ThreadAttributes,
  ThreadDto,
  ThreadItemAttributes,
  ThreadItemDto,
  ThreadRenameAttributes,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { ApiParam } from '@nestjs/swagger';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellErrors, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { THREAD_LIST } from './thread-list-spec';
import { THREAD_ITEM_SCHEMA, THREAD_SCHEMA } from './thread-schemas';

/**
 * Our extension: named threads on a lead, contact or deal, holding its emails, calls, text
 * messages and notes. Anyone who can see the record may use them; taking an item out of a thread,
 * or deleting the thread, never deletes the item. Filter the feed with `/v2/activities?thread_id=`.
 */
@SellResource('threads', 'Threads')
export class ThreadsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute("List a record's threads (extension; resource_type and resource_id required)", 'thread', THREAD_SCHEMA, THREAD_LIST)
  @ApiSellErrors(404)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<ThreadDto>> {
    return collection('thread', await this.rpc.request(A.ListThreads, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a thread (extension)', 'thread', THREAD_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'thread') id: number): Promise<SingleEnvelope<ThreadDto>> {
    return single('thread', await this.rpc.request(A.GetThread, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a named thread on a lead, contact or deal (extension)', 'thread', THREAD_SCHEMA, ThreadAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('thread') data: Record<string, unknown>): Promise<SingleEnvelope<ThreadDto>> {
    return single('thread', await this.rpc.request(A.CreateThread, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Rename a thread (extension)', 'thread', THREAD_SCHEMA, ThreadRenameAttributes)
  async rename(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'thread') id: number,
    @SellData('thread') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<ThreadDto>> {
    return single('thread', await this.rpc.request(A.RenameThread, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a thread; its messages and notes stay (extension)')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'thread') id: number): Promise<void> {
    await this.rpc.request(A.DeleteThread, { ...actor, id });
  }

  @Post(':id/items')
  @HttpCode(200)
  @ApiSellWrite("Put an item of the thread's record into the thread (extension; idempotent)", 'thread_item', THREAD_ITEM_SCHEMA, ThreadItemAttributes)
  async addItem(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'thread') threadId: number,
    @SellData('thread_item') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<ThreadItemDto>> {
    return single('thread_item', await this.rpc.request(A.AddThreadItem, { ...actor, threadId, data }));
  }

  @Delete(':id/items/:item_type/:item_id')
  @HttpCode(204)
  @ApiSellDelete('Take an item out of a thread; the item itself stays (extension)')
  @ApiParam({ name: 'item_type', enum: ['email', 'call', 'text_message', 'note'] })
  async removeItem(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'thread') threadId: number,
    @Param('item_type') itemType: string,
    @RecordId('item_id', 'thread_item') itemId: number,
  ): Promise<void> {
    await this.rpc.request(A.RemoveThreadItem, { ...actor, threadId, itemType, itemId });
  }
}
