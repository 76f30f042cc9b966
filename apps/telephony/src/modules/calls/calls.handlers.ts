import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RequestOf, TelephonyRequests as T } from '@crm/contracts';
import { ClickToCallService } from './click-to-call.service';

@Controller()
export class CallsHandlers {
  constructor(private readonly clickToCall: ClickToCallService) {}

  @MessagePattern(T.DialCall)
  dial(@Payload() req: RequestOf<typeof T.DialCall>) {
    return this.clickToCall.dial(req, req.data);
  }
}
