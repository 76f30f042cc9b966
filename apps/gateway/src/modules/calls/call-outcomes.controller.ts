import { Get } from '@nestjs/common';
import { Actor, CallOutcomeDto, CommunicationsRequests as C } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { CALL_OUTCOME_LIST } from './call-list-specs';
import { CALL_OUTCOME_SCHEMA } from './call-schemas';

@SellResource('call_outcomes', 'Calls')
export class CallOutcomesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List call outcomes', 'call_outcome', CALL_OUTCOME_SCHEMA, CALL_OUTCOME_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<CallOutcomeDto>> {
    return collection('call_outcome', await this.rpc.request(C.ListCallOutcomes, { ...actor, query: list.query }), list);
  }
}
