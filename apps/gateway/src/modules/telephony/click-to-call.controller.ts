import { HttpCode, Post } from '@nestjs/common';
import { Actor, DialCallAttributes, OutboundCallDto, TelephonyRequests as T } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, SellData } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellErrors, ApiSellWrite } from '../../openapi/api-decorators';
import { OUTBOUND_CALL_SCHEMA } from './telephony-schemas';

/** Our extension on calls: click-to-call through Twilio. */
@SellResource('calls', 'Calls')
export class ClickToCallController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('dial')
  @HttpCode(201)
  @ApiSellWrite(
    "Click-to-call: Twilio rings your own phone, then connects you to the lead or contact (resource_type + resource_id) or number (phone_number); recorded",
    'outbound_call',
    OUTBOUND_CALL_SCHEMA,
    DialCallAttributes,
    201,
  )
  @ApiSellErrors(502, 503)
  async dial(@CurrentActor() actor: Actor, @SellData('call') data: Record<string, unknown>): Promise<SingleEnvelope<OutboundCallDto>> {
    return single('outbound_call', await this.rpc.request(T.DialCall, { ...actor, data }));
  }
}
