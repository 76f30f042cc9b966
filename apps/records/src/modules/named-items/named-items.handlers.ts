import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { NamedItemsService } from './named-items.service';

@Controller()
export class NamedItemsHandlers {
  constructor(private readonly items: NamedItemsService) {}

  @MessagePattern(R.ListNamedItems)
  list(@Payload() req: RequestOf<typeof R.ListNamedItems>) {
    return this.items.list(req, req.kind, req.query);
  }

  @MessagePattern(R.GetNamedItem)
  get(@Payload() req: RequestOf<typeof R.GetNamedItem>) {
    return this.items.get(req, req.kind, req.id);
  }

  @MessagePattern(R.CreateNamedItem)
  create(@Payload() req: RequestOf<typeof R.CreateNamedItem>) {
    return this.items.create(req, req.kind, req.data);
  }

  @MessagePattern(R.UpdateNamedItem)
  update(@Payload() req: RequestOf<typeof R.UpdateNamedItem>) {
    return this.items.update(req, req.kind, req.id, req.data);
  }

  @MessagePattern(R.DeleteNamedItem)
  delete(@Payload() req: RequestOf<typeof R.DeleteNamedItem>) {
    return this.items.delete(req, req.kind, req.id);
  }
}
