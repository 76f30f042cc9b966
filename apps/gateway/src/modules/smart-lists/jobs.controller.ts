import { Get } from '@nestjs/common';
import { Actor, JobDto, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, RecordId } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { JOB_SCHEMA } from './smart-list-schemas';

/** Bulk jobs (extension): poll one until its status is completed or failed. */
@SellResource('jobs', 'Smart lists')
export class JobsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id')
  @ApiSellRead('A bulk job and its progress (its creator, or a user who sees all records)', 'job', JOB_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'job') id: number): Promise<SingleEnvelope<JobDto>> {
    return single('job', await this.rpc.request(R.GetJob, { ...actor, id }));
  }
}
