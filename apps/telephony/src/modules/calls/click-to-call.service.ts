import { Inject, Injectable } from '@nestjs/common';
import { Actor, DialCallAttributes, DomainError, OutboundCallDto, parseAttributes, TwilioWebhookReply } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { TELEPHONY_SETTINGS, TelephonyEnv, webhookUrl } from '../../config';
import { OutboundTargetResolver } from '../outbound-targets/outbound-target.resolver';
import { PhoneNumbersService } from '../phone-numbers/phone-numbers.service';
import { TwilioAdapter } from '../twilio/twilio.adapter';
import { newCallbackRef } from '../webhook-log/callback-ref';
import { WebhookLedger } from '../webhook-log/webhook-ledger';
import { WebhookInput } from '../webhook-log/webhook-input';
import { advancesCall, callStatusOf } from './call-state';
import { CallUpdater } from './call-updater';
import { toOutboundCallDto } from './calls.mapper';
import { CallsRepository } from './calls.repository';
import { OwnPhones } from './own-phones';
import { VoiceTwiml } from './voice-twiml';

/**
 * Click-to-call: Twilio calls the user's own phone from their Twilio number (recorded); when they
 * answer, the voice webhook bridges them to the lead, contact or number.
 */
@Injectable()
export class ClickToCallService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: WebhookLedger,
    private readonly calls: CallsRepository,
    private readonly updater: CallUpdater,
    private readonly numbers: PhoneNumbersService,
    private readonly targets: OutboundTargetResolver,
    private readonly ownPhones: OwnPhones,
    private readonly twilio: TwilioAdapter,
    private readonly voice: VoiceTwiml,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonyEnv,
  ) {}

  async dial(actor: Actor, data: unknown): Promise<OutboundCallDto> {
    const attributes = parseAttributes('call', DialCallAttributes, data);
    const own = await this.numbers.requireOwn(actor, 'call');
    const ownPhone = await this.ownPhones.of(actor.accountId, actor.userId, own.phone_number, actor.correlationId);
    if (!ownPhone) {
      throw new DomainError(422, [{ resource: 'call', code: 'invalid', message: 'set your own phone (phone_number of your user) first: Twilio calls it, then connects you' }]);
    }
    const target = await this.targets.resolve(actor, 'call', attributes, own.phone_number);
    const ref = newCallbackRef();
    const pending = await this.transactions.run((tx) =>
      this.calls.insertPending(tx, ref, {
        account_id: actor.accountId,
        direction: 'outbound',
        user_id: actor.userId,
        user_phone_number: own.phone_number,
        remote_phone_number: target.phoneNumber,
        user_own_phone_number: ownPhone,
        status: 'queued',
        missed: false,
        voicemail: false,
        resource: target.resource,
      }),
    );

    let created;
    try {
      created = await this.twilio.createCall({
        from: own.phone_number,
        to: ownPhone,
        url: webhookUrl(this.settings, 'voice', { ref }),
        statusCallback: webhookUrl(this.settings, 'status', { ref }),
        recordingStatusCallback: webhookUrl(this.settings, 'recording', { ref }),
      });
    } catch (error) {
      await this.transactions.run((tx) => this.calls.deletePending(tx, actor.accountId, pending.id));
      throw error;
    }

    const call = await this.transactions.run(async (tx) => {
      const answered = callStatusOf(created.status);
      return this.updater.apply(
        tx,
        pending.id,
        (current) => ({ call_sid: created.sid, pending: false, status: answered && advancesCall(current.status, answered) ? answered : undefined }),
        actor.correlationId,
      );
    });
    return toOutboundCallDto(call);
  }

  /** The user picked up: connect them to the other party (once per CallSid). */
  async bridge(input: WebhookInput, ref: string, correlationId?: string): Promise<TwilioWebhookReply> {
    const callSid = input.required('CallSid');
    const key = { sid: callSid, kind: 'voice' as const, event: 'bridge' };
    const answered = await this.ledger.answered(key);
    if (answered) return answered;

    const call = await this.transactions.read((tx) => this.calls.findForWebhook(tx, ref, null));
    if (!call || call.direction !== 'outbound') return this.voice.unavailable();
    const reply = this.voice.bridge(call.remote_phone_number, call.user_phone_number);
    return this.ledger.once(key, call.account_id, reply, async (tx) => {
      await this.updater.apply(
        tx,
        call.id,
        (current) => ({ call_sid: current.call_sid ?? callSid, status: advancesCall(current.status, 'in-progress') ? 'in-progress' : undefined }),
        correlationId,
      );
    });
  }
}
