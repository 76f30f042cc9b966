import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DistributionRequests as D, RequestOf } from '@crm/contracts';
import { PoolsService } from './pools.service';

@Controller()
export class PoolsHandlers {
  constructor(private readonly pools: PoolsService) {}

  @MessagePattern(D.ListPools)
  list(@Payload() req: RequestOf<typeof D.ListPools>) {
    return this.pools.list(req, req.query);
  }

  @MessagePattern(D.GetPool)
  get(@Payload() req: RequestOf<typeof D.GetPool>) {
    return this.pools.get(req, req.id);
  }

  @MessagePattern(D.CreatePool)
  create(@Payload() req: RequestOf<typeof D.CreatePool>) {
    return this.pools.create(req, req.data);
  }

  @MessagePattern(D.UpdatePool)
  update(@Payload() req: RequestOf<typeof D.UpdatePool>) {
    return this.pools.update(req, req.id, req.data);
  }

  @MessagePattern(D.DeletePool)
  delete(@Payload() req: RequestOf<typeof D.DeletePool>) {
    return this.pools.delete(req, req.id);
  }
}
