import { Injectable } from '@nestjs/common';
import { TwilioWebhookReply } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { CallUpdater } from '../calls/call-updater';
import { CallsRepository } from '../calls/calls.repository';
import { WebhookLedger } from '../webhook-log/webhook-ledger';
import { emptyTwiml, WebhookInput } from '../webhook-log/webhook-input';
import { RecordingsRepository } from './recordings.repository';

/** A recording is ready (answered call, click-to-call, or voicemail): its metadata is kept and the call announces it. */
@Injectable()
export class RecordingCallbackService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: WebhookLedger,
    private readonly calls: CallsRepository,
    private readonly updater: CallUpdater,
    private readonly recordings: RecordingsRepository,
  ) {}

  async ready(input: WebhookInput, correlationId?: string): Promise<TwilioWebhookReply> {
    const recordingSid = input.required('RecordingSid');
    const recordingStatus = input.param('RecordingStatus') ?? 'completed';
    const key = { sid: recordingSid, kind: 'recording' as const, event: recordingStatus };
    const answered = await this.ledger.answered(key);
    if (answered) return answered;

    const callSid = input.required('CallSid');
    const call = await this.transactions.read((tx) => this.calls.findForWebhook(tx, input.query.get('ref'), callSid));
    // Only a finished recording has media; an absent or failed one leaves the call as it is.
    if (!call || recordingStatus !== 'completed') return emptyTwiml();
    const voicemail = input.query.get('voicemail') === 'true';
    const duration = Number(input.param('RecordingDuration') ?? 0);
    return this.ledger.once(key, call.account_id, emptyTwiml(), async (tx) => {
      const recording = await this.recordings.upsert(tx, {
        account_id: call.account_id,
        recording_sid: recordingSid,
        call_sid: callSid,
        url: input.param('RecordingUrl') ?? null,
        duration: Number.isFinite(duration) ? duration : 0,
        voicemail,
      });
      await this.updater.apply(tx, call.id, (current) => ({ recording_id: recording.id, voicemail: current.voicemail || voicemail }), correlationId);
    });
  }
}
