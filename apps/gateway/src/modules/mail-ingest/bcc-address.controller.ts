import { Get, HttpCode, Post } from '@nestjs/common';
import { Actor, BccAddressDto, MailIngestRequests as M } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead } from '../../openapi/api-decorators';
import { BCC_ADDRESS_SCHEMA } from './mail-ingest-schemas';

/** The account's global BCC address (the same on every contact): mail sent or forwarded to it is filed on the right contact. */
@SellResource('bcc_address', 'Mail')
export class BccAddressController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiSellRead('Retrieve the global BCC address (and replaced ones still in their grace period)', 'bcc_address', BCC_ADDRESS_SCHEMA)
  async get(@CurrentActor() actor: Actor): Promise<SingleEnvelope<BccAddressDto>> {
    return single('bcc_address', await this.rpc.request(M.GetBccAddress, actor));
  }

  @Post('regenerate')
  @HttpCode(200)
  @ApiSellRead('Generate a new address (manage settings): it works at once; the old one keeps working for the grace period', 'bcc_address', BCC_ADDRESS_SCHEMA)
  async regenerate(@CurrentActor() actor: Actor): Promise<SingleEnvelope<BccAddressDto>> {
    return single('bcc_address', await this.rpc.request(M.RegenerateBccAddress, actor));
  }
}
