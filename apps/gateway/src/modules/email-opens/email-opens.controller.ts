import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EMAIL_TRACKING_TOKEN, OutboundEmailRequests as O } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { Response } from 'express';
import { sendTrackingPixel } from './tracking-pixel';

/**
 * The open-tracking pixel in mail sent from the CRM, fetched by recipients' mail clients: no
 * bearer token, so deliberately not a `@SellResource`. Every request gets the same image at once;
 * counting the open is asked of communications without waiting, so neither the answer nor its
 * timing tells a real token from a forged one. A malformed token is not even asked about.
 */
@ApiTags('Emails')
@Controller('v2/email_opens')
export class EmailOpensController {
  private readonly logger = new Logger('EmailOpens');

  constructor(private readonly rpc: RpcClient) {}

  @Get(':file')
  @ApiOperation({ summary: 'Open-tracking pixel of an email sent from the CRM (extension; public, no authentication): /v2/email_opens/{token}.gif' })
  @ApiParam({ name: 'file', description: 'the per-message token followed by .gif, as in the URL the email carries' })
  @ApiProduces('image/gif')
  @ApiResponse({ status: 200, description: 'always the same transparent 1×1 GIF, Cache-Control: no-store', schema: { type: 'string', format: 'binary' } })
  open(@Param('file') file: string, @Res() response: Response): void {
    const token = file.endsWith('.gif') ? file.slice(0, -'.gif'.length) : null;
    if (token !== null && EMAIL_TRACKING_TOKEN.test(token)) {
      this.rpc.request(O.RecordEmailOpen, { token }).catch((error: unknown) => this.logger.warn({ err: error }, 'could not count an email open'));
    }
    sendTrackingPixel(response);
  }
}
