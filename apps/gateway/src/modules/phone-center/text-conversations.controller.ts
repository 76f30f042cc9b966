import { Delete, HttpCode, Param, Post } from '@nestjs/common';
import { Actor, MarkTextMessagesAttributes, MarkTextMessagesDto, PhoneCenterRequests as P } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { ApiParam } from '@nestjs/swagger';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, SellData } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellDelete, ApiSellWrite } from '../../openapi/api-decorators';
import { MARK_TEXT_MESSAGES_SCHEMA } from './phone-center-schemas';

/** Our extension: the current user's text messages: read state and conversations. Answered by communications. */
@SellResource('communications/text_messages', 'Communication Center')
export class TextConversationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('mark')
  @HttpCode(200)
  @ApiSellWrite(
    'Mark your text messages read or unread (extension); an id that is not one of yours is a 404 and nothing changes',
    'text_message_marking',
    MARK_TEXT_MESSAGES_SCHEMA,
    MarkTextMessagesAttributes,
  )
  async mark(@CurrentActor() actor: Actor, @SellData('text_message') data: Record<string, unknown>): Promise<SingleEnvelope<MarkTextMessagesDto>> {
    return single('text_message_marking', await this.rpc.request(P.MarkTextMessages, { ...actor, data }));
  }

  @Delete('conversations/:phone_number')
  @HttpCode(204)
  @ApiParam({ name: 'phone_number', description: 'the other party\'s number, E.164 (e.g. +14155550100; %2B for + also works)' })
  @ApiSellDelete('Delete your conversation with a number (extension): every message, permanently, here and in telephony')
  async deleteConversation(@CurrentActor() actor: Actor, @Param('phone_number') phoneNumber: string): Promise<void> {
    await this.rpc.request(P.DeleteTextConversation, { ...actor, phoneNumber });
  }
}
