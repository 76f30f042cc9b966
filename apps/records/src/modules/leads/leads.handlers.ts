import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { LeadsService } from './leads.service';

@Controller()
export class LeadsHandlers {
  constructor(private readonly leads: LeadsService) {}

  @MessagePattern(R.ListLeads)
  list(@Payload() req: RequestOf<typeof R.ListLeads>) {
    return this.leads.list(req, req.query);
  }

  @MessagePattern(R.GetLead)
  get(@Payload() req: RequestOf<typeof R.GetLead>) {
    return this.leads.get(req, req.id);
  }

  @MessagePattern(R.CreateLead)
  create(@Payload() req: RequestOf<typeof R.CreateLead>) {
    return this.leads.create(req, req.data);
  }

  @MessagePattern(R.UpdateLead)
  update(@Payload() req: RequestOf<typeof R.UpdateLead>) {
    return this.leads.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteLead)
  delete(@Payload() req: RequestOf<typeof R.DeleteLead>) {
    return this.leads.delete(req, req.id);
  }
}
