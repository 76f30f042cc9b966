import { Get } from '@nestjs/common';
import { Actor, PipelineDto, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { PIPELINE_SCHEMA } from '../../openapi/response-schemas';
import { PIPELINE_LIST } from '../list-specs';

@SellResource('pipelines', 'Pipelines')
export class PipelinesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List pipelines', 'pipeline', PIPELINE_SCHEMA, PIPELINE_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<PipelineDto>> {
    return collection('pipeline', await this.rpc.request(R.ListPipelines, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a pipeline', 'pipeline', PIPELINE_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'pipeline') id: number): Promise<SingleEnvelope<PipelineDto>> {
    return single('pipeline', await this.rpc.request(R.GetPipeline, { ...actor, id }));
  }
}
