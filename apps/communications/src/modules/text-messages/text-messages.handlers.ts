import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommunicationsRequests as C, RequestOf } from '@crm/contracts';
import { TextMessagesService } from './text-messages.service';

@Controller()
export class TextMessagesHandlers {
  constructor(private readonly messages: TextMessagesService) {}

  @MessagePattern(C.ListTextMessages)
  list(@Payload() req: RequestOf<typeof C.ListTextMessages>) {
    return this.messages.list(req, req.query);
  }

  @MessagePattern(C.GetTextMessage)
  get(@Payload() req: RequestOf<typeof C.GetTextMessage>) {
    return this.messages.get(req, req.id);
  }
}
