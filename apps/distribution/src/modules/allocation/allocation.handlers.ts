import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DistributionRequests as D, RequestOf } from '@crm/contracts';
import { AllocationService } from './allocation.service';

@Controller()
export class AllocationHandlers {
  constructor(private readonly allocation: AllocationService) {}

  @MessagePattern(D.NextOwners)
  nextOwners(@Payload() req: RequestOf<typeof D.NextOwners>) {
    return this.allocation.nextOwners(req);
  }

  @MessagePattern(D.RecordAssignments)
  recordAssignments(@Payload() req: RequestOf<typeof D.RecordAssignments>) {
    return this.allocation.recordAssignments(req.accountId, req.assignmentIds, req.resourceIds);
  }

  @MessagePattern(D.ListAssignments)
  list(@Payload() req: RequestOf<typeof D.ListAssignments>) {
    return this.allocation.list(req.accountId, req.query);
  }
}
