import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { CustomFieldsService } from './custom-fields.service';

@Controller()
export class CustomFieldsHandlers {
  constructor(private readonly fields: CustomFieldsService) {}

  @MessagePattern(R.ListCustomFields)
  list(@Payload() req: RequestOf<typeof R.ListCustomFields>) {
    return this.fields.list(req, req.resourceType);
  }

  @MessagePattern(R.CreateCustomField)
  create(@Payload() req: RequestOf<typeof R.CreateCustomField>) {
    return this.fields.create(req, req.resourceType, req.data);
  }
}
