import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, TelephonyRequests as T, TWILIO_WEBHOOK_KINDS, TwilioWebhookKind } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { Response } from 'express';
import type { GatewayRequest } from '../../http/gateway-request';
import { ApiSellErrors } from '../../openapi/api-decorators';
import { webhookParams } from './webhook-params';

/**
 * Twilio's webhooks: public (Twilio has no bearer token), so deliberately not a `@SellResource`.
 * Nothing is judged here: the public URL Twilio called (PUBLIC_URL + path and query), the
 * parameters and `X-Twilio-Signature` go to telephony, which checks the signature and answers
 * the TwiML returned as is. Refusals leave in Sell's error format through the global filter.
 */
@ApiTags('Twilio webhooks')
@Controller('webhooks/twilio')
export class TwilioWebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':kind')
  @HttpCode(200)
  @ApiOperation({ summary: 'Twilio webhook (sms, voice, status, recording): signed by Twilio, answered with TwiML' })
  @ApiParam({ name: 'kind', enum: TWILIO_WEBHOOK_KINDS })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('text/xml')
  @ApiResponse({ status: 200, description: 'TwiML', schema: { type: 'string' } })
  @ApiSellErrors(403, 404)
  async receive(@Param('kind') kind: string, @Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    if (!isWebhookKind(kind)) throw DomainError.notFound('webhook', kind);
    const json = typeof request.is('application/json') === 'string';
    const reply = await this.rpc.request(T.HandleWebhook, {
      kind,
      url: `${request.context!.publicBaseUrl}${request.originalUrl}`,
      params: json ? {} : webhookParams(request.body),
      // The JSON parser keeps no raw body: re-serialised, which matches what Twilio sent for compact JSON.
      rawBody: json ? JSON.stringify(request.body) : undefined,
      signature: request.header('x-twilio-signature') ?? null,
      correlationId: request.context?.requestId,
    });
    response.status(reply.status).type(reply.contentType).send(reply.body);
  }
}

function isWebhookKind(kind: string): kind is TwilioWebhookKind {
  return (TWILIO_WEBHOOK_KINDS as readonly string[]).includes(kind);
}
