import { HttpCode, Post } from '@nestjs/common';
import { Actor, OutboundTextMessageDto, SendTextMessageAttributes, TelephonyRequests as T } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, SellData } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellErrors, ApiSellWrite } from '../../openapi/api-decorators';
import { OUTBOUND_TEXT_MESSAGE_SCHEMA } from './telephony-schemas';

/**
 * Our extension: send a text from the user's Twilio number (Sell's text_messages stay read-only;
 * the sent text appears there once communications has stored it).
 */
@SellResource('text_messages', 'Text messages')
export class OutboundTextMessagesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiSellWrite(
    'Send a text to a lead or contact (resource_type + resource_id), a number (phone_number), or reply to a received text (in_reply_to: only one sent to your own number, else 403)',
    'outbound_text_message',
    OUTBOUND_TEXT_MESSAGE_SCHEMA,
    SendTextMessageAttributes,
    201,
  )
  @ApiSellErrors(403, 502, 503)
  async send(@CurrentActor() actor: Actor, @SellData('text_message') data: Record<string, unknown>): Promise<SingleEnvelope<OutboundTextMessageDto>> {
    return single('outbound_text_message', await this.rpc.request(T.SendTextMessage, { ...actor, data }));
  }
}
