import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MailIngestRequests as M, RequestOf } from '@crm/contracts';
import { AddressesService } from './addresses.service';

@Controller()
export class AddressesHandlers {
  constructor(private readonly addresses: AddressesService) {}

  @MessagePattern(M.GetBccAddress)
  get(@Payload() req: RequestOf<typeof M.GetBccAddress>) {
    return this.addresses.get(req);
  }

  @MessagePattern(M.RegenerateBccAddress)
  regenerate(@Payload() req: RequestOf<typeof M.RegenerateBccAddress>) {
    return this.addresses.regenerate(req);
  }
}
