import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { LeadConversionsService } from './lead-conversions.service';

@Controller()
export class LeadConversionsHandlers {
  constructor(private readonly conversions: LeadConversionsService) {}

  @MessagePattern(R.ConvertLead)
  convert(@Payload() req: RequestOf<typeof R.ConvertLead>) {
    return this.conversions.convert(req, req.data);
  }

  @MessagePattern(R.ListLeadConversions)
  list(@Payload() req: RequestOf<typeof R.ListLeadConversions>) {
    return this.conversions.list(req, req.query);
  }

  @MessagePattern(R.GetLeadConversion)
  get(@Payload() req: RequestOf<typeof R.GetLeadConversion>) {
    return this.conversions.get(req, req.id);
  }
}
