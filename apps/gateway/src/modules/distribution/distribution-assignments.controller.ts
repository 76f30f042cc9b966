import { Get } from '@nestjs/common';
import { Actor, AssignmentDto, DistributionRequests as D } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ASSIGNMENT_LIST, ASSIGNMENT_SCHEMA } from './distribution-schemas';

/** Our extension: the assignment log, newest first — "why did this user get this record?". */
@SellResource('distribution_assignments', 'Distribution pools')
export class DistributionAssignmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute('List assignments from pools (filter by pool_id, user_id, resource_type, resource_id)', 'distribution_assignment', ASSIGNMENT_SCHEMA, ASSIGNMENT_LIST)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<AssignmentDto>> {
    return collection('distribution_assignment', await this.rpc.request(D.ListAssignments, { ...actor, query: list.query }), list);
  }
}
