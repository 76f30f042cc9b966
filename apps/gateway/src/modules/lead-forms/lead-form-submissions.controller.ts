import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, RecordsRequests as R } from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import type { Response } from 'express';
import type { SingleEnvelope } from '../../http/envelopes';
import type { GatewayRequest } from '../../http/gateway-request';
import { SubmissionRateLimiter } from './submission-rate-limiter';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

interface SubmissionReceipt {
  /** null when the submission was dropped as spam (the client is answered as if accepted). */
  lead_id: number | null;
}

/**
 * The public end of lead-capture forms: no bearer token (a visitor's browser posts here), so
 * deliberately not a `@SellResource`. The form's token is the key; each (token, client IP) is
 * rate-limited. Browsers post application/x-www-form-urlencoded fields; scripts post
 * `{"data": {...}}` as JSON. Errors still leave in Sell's format through the global filter.
 */
@ApiTags('Lead forms')
@Controller('v2/forms')
export class LeadFormSubmissionsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(SubmissionRateLimiter) private readonly limiter: SubmissionRateLimiter,
  ) {}

  @Post(':token/submissions')
  @ApiOperation({ summary: 'Submit a lead-capture form (public, no authentication; rate-limited per form and IP)' })
  async submit(
    @Param('token') token: string,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SingleEnvelope<SubmissionReceipt> | undefined> {
    const decision = this.limiter.take(`${token}\n${request.ip ?? 'unknown'}`);
    if (!decision.allowed) {
      response.setHeader('Retry-After', String(decision.retryAfterSeconds));
      throw new DomainError(429, [{ resource: 'form_submission', code: 'rate_limited', message: 'too many submissions to this form; try again later' }]);
    }
    if (!TOKEN.test(token)) throw DomainError.notFound('lead_form');

    const fromBrowserForm = typeof request.is('application/x-www-form-urlencoded') === 'string';
    const data = fromBrowserForm ? request.body : jsonData(request.body);
    const reply = await this.rpc.request(R.SubmitLeadForm, { token, data, correlationId: request.context?.requestId });
    if (fromBrowserForm && reply.redirectUrl) {
      response.redirect(303, reply.redirectUrl);
      return undefined;
    }
    response.status(201);
    return { data: { lead_id: reply.leadId }, meta: { type: 'form_submission' } };
  }
}

function jsonData(body: unknown): unknown {
  const data = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (data === undefined || data === null) {
    throw new DomainError(422, [{ resource: 'form_submission', field: '/data', code: 'blank', message: 'the body must be {"data": {...}} or form fields' }]);
  }
  return data;
}
