import { Get, HttpCode, Post } from '@nestjs/common';
import { ActivityRequests as A, Actor, ConversationMergeAttributes, ConversationSplitAttributes, EmailConversationDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, RecordId, SellData } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellRead, ApiSellWrite } from '../../openapi/api-decorators';
import { EMAIL_CONVERSATION_SCHEMA } from './email-conversation-schemas';

/**
 * Our extension: email conversations, threaded automatically (Message-ID, In-Reply-To and
 * References, else normalised subject and shared people), with manual split and merge when the
 * threading got it wrong. A conversation shows only the emails the user can see.
 */
@SellResource('email_conversations', 'Email conversations')
export class EmailConversationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id')
  @ApiSellRead('Retrieve an email conversation with the emails you can see (extension)', 'email_conversation', EMAIL_CONVERSATION_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'email_conversation') id: number): Promise<SingleEnvelope<EmailConversationDto>> {
    return single('email_conversation', await this.rpc.request(A.GetEmailConversation, { ...actor, id }));
  }

  @Post('merge')
  @HttpCode(200)
  @ApiSellWrite(
    'Merge email conversations into the first one named (extension)',
    'email_conversation',
    EMAIL_CONVERSATION_SCHEMA,
    ConversationMergeAttributes,
  )
  async merge(@CurrentActor() actor: Actor, @SellData('email_conversation') data: Record<string, unknown>): Promise<SingleEnvelope<EmailConversationDto>> {
    return single('email_conversation', await this.rpc.request(A.MergeEmailConversations, { ...actor, data }));
  }

  @Post(':id/split')
  @HttpCode(200)
  @ApiSellWrite(
    'Move emails of a conversation to a new conversation (extension); answers the new one',
    'email_conversation',
    EMAIL_CONVERSATION_SCHEMA,
    ConversationSplitAttributes,
  )
  async split(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'email_conversation') id: number,
    @SellData('email_conversation') data: Record<string, unknown>,
  ): Promise<SingleEnvelope<EmailConversationDto>> {
    return single('email_conversation', await this.rpc.request(A.SplitEmailConversation, { ...actor, id, data }));
  }
}
