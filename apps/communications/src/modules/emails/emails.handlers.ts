import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommunicationsRequests as C, RequestOf } from '@crm/contracts';
import { EmailsService } from './emails.service';

@Controller()
export class EmailsHandlers {
  constructor(private readonly emails: EmailsService) {}

  @MessagePattern(C.ListEmails)
  list(@Payload() req: RequestOf<typeof C.ListEmails>) {
    return this.emails.list(req, req.query);
  }

  @MessagePattern(C.GetEmail)
  get(@Payload() req: RequestOf<typeof C.GetEmail>) {
    return this.emails.get(req, req.id);
  }

  @MessagePattern(C.GetEmailAttachment)
  attachment(@Payload() req: RequestOf<typeof C.GetEmailAttachment>) {
    return this.emails.attachment(req, req.emailId, req.attachmentId);
  }
}
