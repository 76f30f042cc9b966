import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OutboundEmailRequests as O, RequestOf } from '@crm/contracts';
import { ComposeEmailService } from './compose/compose-email.service';
import { EmailOpensService } from './tracking/email-opens.service';

@Controller()
export class OutboundEmailHandlers {
  constructor(
    private readonly compose: ComposeEmailService,
    private readonly opens: EmailOpensService,
  ) {}

  @MessagePattern(O.SendEmail)
  send(@Payload() req: RequestOf<typeof O.SendEmail>) {
    return this.compose.send(req, req.data);
  }

  @MessagePattern(O.RecordEmailOpen)
  recordOpen(@Payload() req: RequestOf<typeof O.RecordEmailOpen>) {
    return this.opens.record(req.token);
  }
}
