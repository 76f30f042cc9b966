import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordsRequests as R, RequestOf } from '@crm/contracts';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsHandlers {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(R.CreateAccount)
  create(@Payload() req: RequestOf<typeof R.CreateAccount>) {
    return this.accounts.create(req);
  }

  @MessagePattern(R.CountAccounts)
  count() {
    return this.accounts.count();
  }

  @MessagePattern(R.GetAccount)
  get(@Payload() req: RequestOf<typeof R.GetAccount>) {
    return this.accounts.get(req);
  }
}
