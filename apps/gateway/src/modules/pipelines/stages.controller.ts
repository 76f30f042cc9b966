import { Get } from '@nestjs/common';
import { Actor, RecordsRequests as R, StageDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { STAGE_SCHEMA } from '../../openapi/response-schemas';
import { STAGE_LIST } from '../list-specs';

@SellResource('stages', 'Pipelines')
export class StagesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List stages (filter by pipeline_id)', 'stage', STAGE_SCHEMA, STAGE_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<StageDto>> {
    return collection('stage', await this.rpc.request(R.ListStages, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve a stage', 'stage', STAGE_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'stage') id: number): Promise<SingleEnvelope<StageDto>> {
    return single('stage', await this.rpc.request(R.GetStage, { ...actor, id }));
  }
}
