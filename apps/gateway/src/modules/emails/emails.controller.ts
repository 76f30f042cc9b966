import { Get, Res } from '@nestjs/common';
import { Actor, CommunicationsRequests as C, EmailDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { collection, CollectionEnvelope, ListContext, single, SingleEnvelope } from '../../http/envelopes';
import { ListRoute } from '../../http/query-params.guard';
import { CurrentActor, RecordId, SellList } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellErrors, ApiSellRead } from '../../openapi/api-decorators';
import { sendAttachment } from './attachment-download';
import { EMAIL_LIST } from './email-list-spec';
import { EMAIL_SCHEMA } from './email-schemas';

/** Our extension: emails filed by BCC, read-only. Answered by communications; content by mail-ingest. */
@SellResource('emails', 'Emails')
export class EmailsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ListRoute(
    'List emails (extension; newest first; resource_type and resource_id go together)',
    'email',
    EMAIL_SCHEMA,
    EMAIL_LIST,
  )
  async list(@CurrentActor() actor: Actor, @SellList() list: ListContext): Promise<CollectionEnvelope<EmailDto>> {
    return collection('email', await this.rpc.request(C.ListEmails, { ...actor, query: list.query }), list);
  }

  @Get(':id')
  @ApiSellRead('Retrieve an email (extension)', 'email', EMAIL_SCHEMA)
  async get(@CurrentActor() actor: Actor, @RecordId('id', 'email') id: number): Promise<SingleEnvelope<EmailDto>> {
    return single('email', await this.rpc.request(C.GetEmail, { ...actor, id }));
  }

  @Get(':id/attachments/:attachment_id')
  @ApiOperation({ summary: "Download an email's attachment (extension)" })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'the file, with its type, size and name', schema: { type: 'string', format: 'binary' } })
  @ApiSellErrors(404)
  async attachment(
    @CurrentActor() actor: Actor,
    @RecordId('id', 'email') id: number,
    @RecordId('attachment_id', 'attachment') attachmentId: number,
    @Res() response: Response,
  ): Promise<void> {
    const meta = await this.rpc.request(C.GetEmailAttachment, { ...actor, emailId: id, attachmentId });
    await sendAttachment(this.rpc, actor.accountId, meta, response);
  }
}
