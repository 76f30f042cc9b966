import { Injectable } from '@nestjs/common';
import { TwilioWebhookReply } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { WebhookLedger } from '../webhook-log/webhook-ledger';
import { emptyTwiml, WebhookInput } from '../webhook-log/webhook-input';
import { callStatusOf, statusChanges } from './call-state';
import { CallUpdater } from './call-updater';
import { CallsRepository } from './calls.repository';

/** Call status callbacks (ringing, in-progress, completed, no-answer, busy, failed, canceled), each applied once. */
@Injectable()
export class CallStatusService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: WebhookLedger,
    private readonly calls: CallsRepository,
    private readonly updater: CallUpdater,
  ) {}

  async update(input: WebhookInput, correlationId?: string): Promise<TwilioWebhookReply> {
    const callSid = input.required('CallSid');
    const twilioStatus = input.required('CallStatus');
    // The answer is always the empty TwiML: a repeated delivery is found by the ledger's claim, not read first.
    const key = { sid: callSid, kind: 'status' as const, event: twilioStatus };
    const call = await this.transactions.read((tx) => this.calls.findForWebhook(tx, input.query.get('ref'), callSid));
    const status = callStatusOf(twilioStatus);
    if (!call || !status) return emptyTwiml();
    const duration = input.param('CallDuration');
    return this.ledger.once(key, call.account_id, emptyTwiml(), async (tx) => {
      await this.updater.apply(
        tx,
        call.id,
        (current) => ({
          call_sid: current.call_sid ?? callSid,
          ...statusChanges(current, status, duration !== undefined && /^\d+$/.test(duration) ? Number(duration) : null),
        }),
        correlationId,
      );
    });
  }
}
