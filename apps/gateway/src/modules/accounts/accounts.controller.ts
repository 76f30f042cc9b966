import { Get } from '@nestjs/common';
import { AccountDto, Actor, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { ACCOUNT_SCHEMA } from '../../openapi/response-schemas';

@SellResource('accounts', 'Accounts')
export class AccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('self')
  @ApiSellRead("Retrieve the token owner's account", 'account', ACCOUNT_SCHEMA)
  async self(@CurrentActor() actor: Actor): Promise<SingleEnvelope<AccountDto>> {
    return single('account', await this.rpc.request(R.GetAccount, { ...actor, id: actor.accountId }));
  }
}
