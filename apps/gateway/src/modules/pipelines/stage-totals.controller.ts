import { Get } from '@nestjs/common';
import { Actor, RecordsRequests as R, StageTotalDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext, pageOfArray } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { STAGE_TOTAL_LIST, STAGE_TOTAL_SCHEMA } from './stage-totals.schemas';

/**
 * Our extension for the pipeline board: per stage of a pipeline, in stage order, how many deals
 * the reader may see and their value summed per currency — every deal, not a page of them.
 */
@SellResource('pipelines/:pipeline_id/stage_totals', 'Pipelines')
export class StageTotalsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute("Count and value of a pipeline's deals per stage and currency (extension)", 'stage_total', STAGE_TOTAL_SCHEMA, STAGE_TOTAL_LIST)
  async list(
    @CurrentActor() actor: Actor,
    @RecordId('pipeline_id', 'pipeline') pipelineId: number,
    @SellList() list: ListContext,
  ): Promise<CollectionEnvelope<StageTotalDto>> {
    const totals = await this.rpc.request(R.PipelineStageTotals, { ...actor, id: pipelineId });
    return collection('stage_total', pageOfArray(totals, list.query), list);
  }
}
