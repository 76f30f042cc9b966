import { Injectable } from '@nestjs/common';
import { TwilioWebhookReply } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { countryOf, toE164 } from '../phone-numbers/phone-format';
import { PhoneNumberDirectory } from '../phone-numbers/phone-number-directory';
import { WebhookLedger } from '../webhook-log/webhook-ledger';
import { WebhookInput } from '../webhook-log/webhook-input';
import { advancesCall, UNANSWERED } from './call-state';
import { CallUpdater } from './call-updater';
import { CallsRepository } from './calls.repository';
import { OwnPhones } from './own-phones';
import { VoiceTwiml } from './voice-twiml';

/**
 * A call to a user's Twilio number rings their own phone (recorded once answered); unanswered,
 * it goes to voicemail and counts as missed.
 */
@Injectable()
export class InboundVoiceService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: WebhookLedger,
    private readonly numbers: PhoneNumberDirectory,
    private readonly calls: CallsRepository,
    private readonly updater: CallUpdater,
    private readonly ownPhones: OwnPhones,
    private readonly voice: VoiceTwiml,
  ) {}

  async incoming(input: WebhookInput, correlationId?: string): Promise<TwilioWebhookReply> {
    const callSid = input.required('CallSid');
    const key = { sid: callSid, kind: 'voice' as const, event: 'incoming' };
    const answered = await this.ledger.answered(key);
    if (answered) return answered;

    const to = toE164(input.required('To'));
    const owner = to ? await this.numbers.owner(to) : null;
    if (!owner) return this.voice.reject();
    const ownPhone = await this.ownPhones.orVoicemail(owner.account_id, owner.user_id, owner.phone_number, correlationId);
    const from = input.required('From');
    const reply = ownPhone ? this.voice.ringUser(ownPhone) : this.voice.voicemail();
    return this.ledger.once(key, owner.account_id, reply, async (tx) => {
      const call = await this.calls.insertInbound(tx, callSid, {
        account_id: owner.account_id,
        direction: 'inbound',
        user_id: owner.user_id,
        user_phone_number: owner.phone_number,
        remote_phone_number: toE164(from, countryOf(owner.phone_number)) ?? from.trim(),
        user_own_phone_number: ownPhone,
        status: 'ringing',
        // Nobody to ring: straight to voicemail.
        missed: ownPhone === null,
        voicemail: ownPhone === null,
        resource: null,
      });
      if (call) await this.updater.announce(tx, call, correlationId);
    });
  }

  /** The user's phone stopped ringing: answered (done), or not (voicemail, missed). */
  async dialEnded(input: WebhookInput, correlationId?: string): Promise<TwilioWebhookReply> {
    const callSid = input.required('CallSid');
    const dialStatus = input.required('DialCallStatus');
    const key = { sid: callSid, kind: 'voice' as const, event: 'dial-ended' };
    const answered = await this.ledger.answered(key);
    if (answered) return answered;

    const call = await this.transactions.read((tx) => this.calls.findForWebhook(tx, null, callSid));
    const unanswered = UNANSWERED.has(dialStatus);
    const reply = unanswered ? this.voice.voicemail() : this.voice.hangup();
    if (!call) return reply;
    const talked = Number(input.param('DialCallDuration') ?? 0);
    return this.ledger.once(key, call.account_id, reply, async (tx) => {
      await this.updater.apply(
        tx,
        call.id,
        (current) => {
          const status = unanswered ? 'in-progress' : 'completed';
          const moved = advancesCall(current.status, status) ? status : undefined;
          return unanswered ? { missed: true, voicemail: true, status: moved } : { status: moved, duration: Number.isFinite(talked) ? talked : undefined };
        },
        correlationId,
      );
    });
  }

  /** The voicemail was recorded (it arrives on the recording webhook): end the call. */
  voicemailEnded(): TwilioWebhookReply {
    return this.voice.hangup();
  }
}
