import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { Actor, RecordsRequests as R, TaskAttributes, TaskDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { TASK_SCHEMA } from '../../openapi/lifecycle-schemas';
import { TASK_LIST } from '../lifecycle-list-specs';

/** Sell's tasks: an owner, a due date and reminder, completion; optionally on a lead, contact or deal. */
@SellResource('tasks', 'Tasks')
export class TasksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List tasks', 'task', TASK_SCHEMA, TASK_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<TaskDto>> {
    return collection('task', await this.rpc.request(R.ListTasks, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a task', 'task', TASK_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'task') id: number): Promise<SingleEnvelope<TaskDto>> {
    return single('task', await this.rpc.request(R.GetTask, { ...actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiSellWrite('Create a task', 'task', TASK_SCHEMA, TaskAttributes)
  async create(@CurrentActor() actor: Actor, @SellData('task') data: Record<string, unknown>): Promise<SingleEnvelope<TaskDto>> {
    return single('task', await this.rpc.request(R.CreateTask, { ...actor, data }));
  }

  @Put(':id')
  @ApiSellWrite('Update a task', 'task', TASK_SCHEMA, TaskAttributes)
  async update(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'task') id: number,
    @SellData('task') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<TaskDto>> {
    return single('task', await this.rpc.request(R.UpdateTask, { ...actor, id, data }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiSellDelete('Delete a task')
  async remove(@CurrentActor() actor: Actor, @RecordId('id', 'task') id: number): Promise<void> {
    await this.rpc.request(R.DeleteTask, { ...actor, id });
  }
}
