import { HttpCode, Post } from '@nestjs/common';
import { Actor, OutboundEmailRequests as O, SendEmailAttributes, SentEmailDto } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { single, SingleEnvelope } from '../../http/envelopes';
import { CurrentActor, SellData } from '../../http/request-decorators';
import { SellResource } from '../../http/sell-resource.decorator';
import { ApiSellWrite } from '../../openapi/api-decorators';
import { EMAIL_SCHEMA } from '../emails/email-schemas';

/** Our extension: compose an email from the CRM. The reads of /v2/emails are in the emails module. */
@SellResource('emails', 'Emails')
export class OutboundEmailController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  @ApiSellWrite(
    'Send an email to leads and contacts (extension): stored as sent on their records, then delivered through the SMTP relay (status queued until it is)',
    'email',
    EMAIL_SCHEMA,
    SendEmailAttributes,
  )
  async send(@CurrentActor() actor: Actor, @SellData('email') data: Record<string, unknown>): Promise<SingleEnvelope<SentEmailDto>> {
    return single('email', await this.rpc.request(O.SendEmail, { ...actor, data }));
  }
}
