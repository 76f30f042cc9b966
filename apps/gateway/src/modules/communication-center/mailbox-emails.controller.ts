import { Get, HttpCode, Post } from '@nestjs/common';
import {
  Actor,
  EmailSelectionAttributes,
  MailboxActionDto,
  MailboxCountsDto,
  MailboxEmailDto,
  MailboxRequests as M,
  MarkEmailsAttributes,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, SellData, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellWrite } from '../../openapi/api-decorators';
import { MAILBOX_ACTION_SCHEMA, MAILBOX_COUNTS_SCHEMA, MAILBOX_EMAIL_LIST, MAILBOX_EMAIL_SCHEMA } from './communication-center-schemas';

const BULK = 'every id must be an email in your Communication Center, else 404 and nothing changes; 1 to 1000 ids';

/** Our extension: the current user's Communication Center email tabs. Answered by communications. */
@SellResource('communications/emails', 'Communication Center')
export class MailboxEmailsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute(
    "List a tab of your emails, newest first: inbox (from leads and contacts), suggested (from anyone else), sent, archived",
    'mailbox_email',
    MAILBOX_EMAIL_SCHEMA,
    MAILBOX_EMAIL_LIST,
  )
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<MailboxEmailDto>> {
    return collection('mailbox_email', await this.rpc.request(M.ListMailboxEmails, { ...actor, query: list.query }), list);
  }

  @Get('counts')
  @ApiOperation({ summary: 'Count your emails per tab (unread in Inbox and Suggested people)' })
  @ApiResponse({ status: 200, schema: { type: 'object', properties: { data: MAILBOX_COUNTS_SCHEMA, meta: { type: 'object', properties: { type: { type: 'string', enum: ['mailbox_counts'] } } } } } })
  async counts(@CurrentActor() actor: Actor): Promise<SingleEnvelope<MailboxCountsDto>> {
    return single('mailbox_counts', await this.rpc.request(M.CountMailboxEmails, { ...actor }));
  }

  @Post('mark')
  @HttpCode(200)
  @ApiSellWrite(`Mark emails read or unread (${BULK})`, 'mailbox_action', MAILBOX_ACTION_SCHEMA, MarkEmailsAttributes)
  async mark(@CurrentActor() actor: Actor, @SellData('email') data: Record<string, unknown>): Promise<SingleEnvelope<MailboxActionDto>> {
    return single('mailbox_action', await this.rpc.request(M.MarkMailboxEmails, { ...actor, data }));
  }

  @Post('archive')
  @HttpCode(200)
  @ApiSellWrite(`Archive emails (${BULK})`, 'mailbox_action', MAILBOX_ACTION_SCHEMA, EmailSelectionAttributes)
  async archive(@CurrentActor() actor: Actor, @SellData('email') data: Record<string, unknown>): Promise<SingleEnvelope<MailboxActionDto>> {
    return single('mailbox_action', await this.rpc.request(M.ArchiveMailboxEmails, { ...actor, data }));
  }

  @Post('unarchive')
  @HttpCode(200)
  @ApiSellWrite(`Move archived emails back to their tab (${BULK})`, 'mailbox_action', MAILBOX_ACTION_SCHEMA, EmailSelectionAttributes)
  async unarchive(@CurrentActor() actor: Actor, @SellData('email') data: Record<string, unknown>): Promise<SingleEnvelope<MailboxActionDto>> {
    return single('mailbox_action', await this.rpc.request(M.UnarchiveMailboxEmails, { ...actor, data }));
  }
}
