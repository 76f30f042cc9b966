import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { PartiesService } from './parties.service';

@Controller()
export class PartiesHandlers {
  constructor(private readonly parties: PartiesService) {}

  @MessagePattern(R.FindPartiesByEmail)
  byEmail(@Payload() req: RequestOf<typeof R.FindPartiesByEmail>) {
    return this.parties.findByEmail(req.accountId, req.emails);
  }

  @MessagePattern(R.FindResource)
  findResource(@Payload() req: RequestOf<typeof R.FindResource>) {
    return this.parties.findResource(req, req.resourceType, req.resourceId);
  }

  @MessagePattern(R.FindPartiesByPhone)
  byPhone(@Payload() req: RequestOf<typeof R.FindPartiesByPhone>) {
    return this.parties.findByPhone(req.accountId, req.phones);
  }
}
