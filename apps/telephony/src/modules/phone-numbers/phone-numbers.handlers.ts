import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RequestOf, TelephonyRequests as T } from '@crm/contracts';
import { PhoneNumbersService } from './phone-numbers.service';

@Controller()
export class PhoneNumbersHandlers {
  constructor(private readonly numbers: PhoneNumbersService) {}

  @MessagePattern(T.ListPhoneNumbers)
  list(@Payload() req: RequestOf<typeof T.ListPhoneNumbers>) {
    return this.numbers.list(req, req.query);
  }

  @MessagePattern(T.AssignPhoneNumber)
  assign(@Payload() req: RequestOf<typeof T.AssignPhoneNumber>) {
    return this.numbers.assign(req, req.data);
  }

  @MessagePattern(T.RemovePhoneNumber)
  remove(@Payload() req: RequestOf<typeof T.RemovePhoneNumber>) {
    return this.numbers.remove(req, req.id);
  }
}
