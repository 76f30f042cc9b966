import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { ContactsByEmailService } from './contacts-by-email.service';

@Controller()
export class ContactsByEmailHandlers {
  constructor(private readonly contacts: ContactsByEmailService) {}

  @MessagePattern(R.EnsureContactsByEmail)
  ensure(@Payload() req: RequestOf<typeof R.EnsureContactsByEmail>) {
    return this.contacts.ensure(req);
  }
}
