import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommunicationsRequests as C, RequestOf } from '@crm/contracts';
import { CallOutcomesService } from './call-outcomes.service';

@Controller()
export class CallOutcomesHandlers {
  constructor(private readonly outcomes: CallOutcomesService) {}

  @MessagePattern(C.ListCallOutcomes)
  list(@Payload() req: RequestOf<typeof C.ListCallOutcomes>) {
    return this.outcomes.list(req, req.query);
  }
}
