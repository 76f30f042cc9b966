import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RequestOf, TelephonyRequests as T } from '@crm/contracts';
import { OutboundSmsService } from './outbound-sms.service';

@Controller()
export class TextMessagesHandlers {
  constructor(private readonly outbound: OutboundSmsService) {}

  @MessagePattern(T.SendTextMessage)
  send(@Payload() req: RequestOf<typeof T.SendTextMessage>) {
    return this.outbound.send(req, req.data);
  }
}
