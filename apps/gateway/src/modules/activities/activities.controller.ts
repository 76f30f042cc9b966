import { Get } from '@nestjs/common';
import { ActivityDto, ActivityRequests as A, Actor } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { collection, CollectionEnvelope, ListContext } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellErrors } from '../../openapi/api-decorators';
import { ACTIVITY_LIST } from './activity-list-spec';
import { ACTIVITY_SCHEMA } from './activity-schemas';

/** Our extension: a lead's, contact's or deal's emails, calls, text messages and notes in one feed. Answered by communications. */
@SellResource('activities', 'Activities')
export class ActivitiesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute(
    "A record's activity feed (extension; newest first; resource_type and resource_id required; filters starred, thread_id, type)",
    'activity',
    ACTIVITY_SCHEMA,
    ACTIVITY_LIST,
  )
  @ApiSellErrors(404)
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<ActivityDto>> {
    return collection('activity', await this.rpc.request(A.ListActivities, { ...actor, query: list.query }), list);
  }
}
