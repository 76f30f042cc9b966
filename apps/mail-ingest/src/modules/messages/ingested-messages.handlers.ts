import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MailIngestRequests as M, RequestOf } from '@crm/contracts';
import { IngestedMessagesService } from './ingested-messages.service';

@Controller()
export class IngestedMessagesHandlers {
  constructor(private readonly messages: IngestedMessagesService) {}

  @MessagePattern(M.ListIngestedMessages)
  list(@Payload() req: RequestOf<typeof M.ListIngestedMessages>) {
    return this.messages.list(req, req.query);
  }

  @MessagePattern(M.GetIngestedMessage)
  get(@Payload() req: RequestOf<typeof M.GetIngestedMessage>) {
    return this.messages.get(req, req.id);
  }

  @MessagePattern(M.RetryIngestedMessage)
  retry(@Payload() req: RequestOf<typeof M.RetryIngestedMessage>) {
    return this.messages.retry(req, req.id);
  }
}
