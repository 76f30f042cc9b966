import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { ContactsService } from './contacts.service';

@Controller()
export class ContactsHandlers {
  constructor(private readonly contacts: ContactsService) {}

  @MessagePattern(R.ListContacts)
  list(@Payload() req: RequestOf<typeof R.ListContacts>) {
    return this.contacts.list(req, req.query);
  }

  @MessagePattern(R.GetContact)
  get(@Payload() req: RequestOf<typeof R.GetContact>) {
    return this.contacts.get(req, req.id);
  }

  @MessagePattern(R.CreateContact)
  create(@Payload() req: RequestOf<typeof R.CreateContact>) {
    return this.contacts.create(req, req.data);
  }

  @MessagePattern(R.UpdateContact)
  update(@Payload() req: RequestOf<typeof R.UpdateContact>) {
    return this.contacts.update(req, req.id, req.data);
  }

  @MessagePattern(R.DeleteContact)
  delete(@Payload() req: RequestOf<typeof R.DeleteContact>) {
    return this.contacts.delete(req, req.id);
  }
}
