import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { LeadFormSubmissionsService } from './lead-form-submissions.service';
import { LeadFormsService } from './lead-forms.service';

@Controller()
export class LeadFormsHandlers {
  constructor(
    private readonly forms: LeadFormsService,
    private readonly submissions: LeadFormSubmissionsService,
  ) {}

  @MessagePattern(R.ListLeadForms)
  list(@Payload() req: RequestOf<typeof R.ListLeadForms>) {
    return this.forms.list(req, req.query);
  }

  @MessagePattern(R.GetLeadForm)
  get(@Payload() req: RequestOf<typeof R.GetLeadForm>) {
    return this.forms.get(req, req.id);
  }

  @MessagePattern(R.CreateLeadForm)
  create(@Payload() req: RequestOf<typeof R.CreateLeadForm>) {
    return this.forms.create(req, req.data);
  }

  @MessagePattern(R.UpdateLeadForm)
  update(@Payload() req: RequestOf<typeof R.UpdateLeadForm>) {
    return this.forms.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteLeadForm)
  delete(@Payload() req: RequestOf<typeof R.DeleteLeadForm>) {
    return this.forms.delete(req, req.id);
  }

  @MessagePattern(R.SubmitLeadForm)
  submit(@Payload() req: RequestOf<typeof R.SubmitLeadForm>) {
    return this.submissions.submit(req);
  }
}
