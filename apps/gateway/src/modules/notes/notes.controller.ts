import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { Actor, RecordsRequests as R, NoteAttributes, NoteDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { NOTE_SCHEMA } from '../../openapi/lifecycle-schemas';
import { NOTE_LIST } from '../lifecycle-list-specs';

/** Sell's notes, attached to a lead, contact or deal. */
@SellResource('notes', 'Notes')
export class NotesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List notes', 'note', NOTE_SCHEMA, NOTE_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<NoteDto>> {
    return collection('note', await this.rpc.request(R.ListNotes, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a note', 'note', NOTE_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'note') id: number): Promise<SingleEnvelope<NoteDto>> {
    return single('note', await this.rpc.request(R.GetNote, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a note on a lead, contact or deal', 'note', NOTE_SCHEMA, NoteAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('note') data: Record<string, unknown>): Promise<SingleEnvelope<NoteDto>> {
    return single('note', await this.rpc.request(R.CreateNote, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a note', 'note', NOTE_SCHEMA, NoteAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'note') id: number,
    @SellData('note') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<NoteDto>> {
    return single('note', await this.rpc.request(R.UpdateNote, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a note')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'note') id: number): Promise<void> {
    await this.rpc.request(R.DeleteNote, { ...actor, id });
  }
}
