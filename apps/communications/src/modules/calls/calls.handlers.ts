import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommunicationsRequests as C, RequestOf } from '@crm/contracts';
import { CallsService } from './calls.service';

@Controller()
export class CallsHandlers {
  constructor(private readonly calls: CallsService) {}

  @MessagePattern(C.ListCalls)
  list(@Payload() req: RequestOf<typeof C.ListCalls>) {
    return this.calls.list(req, req.query);
  }

  @MessagePattern(C.GetCall)
  get(@Payload() req: RequestOf<typeof C.GetCall>) {
    return this.calls.get(req, req.id);
  }

  @MessagePattern(C.CreateCall)
  create(@Payload() req: RequestOf<typeof C.CreateCall>) {
    return this.calls.create(req, req.data);
  }

  @MessagePattern(C.UpdateCall)
  update(@Payload() req: RequestOf<typeof C.UpdateCall>) {
    return this.calls.update(req, req.id, req.data);
  }

  @MessagePattern(C.DeleteCall)
  delete(@Payload() req: RequestOf<typeof C.DeleteCall>) {
    return this.calls.delete(req, req.id);
  }
}
