import { Injectable } from '@nestjs/common';
import type { TelephonyCallEvent, TelephonyResource, TelephonyTextMessageEvent } from '@crm/contracts';
import { EventPublisher, Tx } from '@crm/platform';
import { callEvents, CallChangeSource } from '../calls/call-events';
import { toCallDto } from '../calls/calls.mapper';
import { PhoneNumbers } from '../record-phones/phone-numbers';
import { lockNumbers } from '../record-phones/phone-tables';
import type { PhoneRecord } from '../record-phones/record-phones.repository';
import { RecordPhonesService } from '../record-phones/record-phones.service';
import { RecordingUrls } from './recording-urls';
import { CALL_STATUS_RANK, TEXT_MESSAGE_STATUS_RANK } from './status-order';
import { TelephonyCallsRepository } from './telephony-calls.repository';
import { TelephonyTextsRepository } from './telephony-texts.repository';

const CALL_STATE = ['missed', 'duration', 'made_at', 'recording_url', 'recording_id'];

/**
 * Stores what telephony reports about calls and SMS, keyed by Twilio's CallSid / MessageSid:
 * a retried or redelivered event changes nothing, an older state never overwrites a newer one.
 * A new call or message hangs on the record telephony named, else on the lead or contact its
 * number belongs to, else it is unmatched.
 */
@Injectable()
export class TelephonyEventsService {
  constructor(
    private readonly calls: TelephonyCallsRepository,
    private readonly texts: TelephonyTextsRepository,
    private readonly phones: RecordPhonesService,
    private readonly numbers: PhoneNumbers,
    private readonly recordings: RecordingUrls,
    private readonly events: EventPublisher,
  ) {}

  async callUpdated(tx: Tx, event: TelephonyCallEvent): Promise<void> {
    // Sell's calls always belong to a user; a call on a number nobody has stays in telephony only.
    if (event.userId === null) return;
    const remoteE164 = this.numbers.e164(event.remotePhoneNumber);
    const stored = await this.calls.upsert(tx, event.accountId, {
      sid: event.callSid,
      userId: event.userId,
      remoteNumber: event.remotePhoneNumber,
      remoteE164,
      userE164: this.numbers.e164(event.userPhoneNumber),
      incoming: event.direction === 'inbound',
      missed: event.missed,
      duration: event.duration,
      madeAt: new Date(event.startedAt),
      status: event.status,
      statusRank: CALL_STATUS_RANK[event.status],
      statusAt: new Date(event.occurredAt),
      recordingId: event.recordingId,
      voicemail: event.voicemail,
      resource: await this.resourceFor(tx, event.accountId, event.resource, remoteE164),
    });
    if (!stored) return;
    let call = stored.call;
    if (call.recording_id != null && call.recording_url === null) {
      call = await this.calls.setRecordingUrl(tx, event.accountId, call.id, this.recordings.of(call.id));
    }
    const source: CallChangeSource = { accountId: event.accountId, actorId: event.userId, correlationId: event.correlationId };
    if (stored.inserted) await callEvents.created(this.events, tx, source, toCallDto(call));
    else await callEvents.updated(this.events, tx, source, [toCallDto(call)], CALL_STATE);
  }

  async textMessageReported(tx: Tx, event: TelephonyTextMessageEvent): Promise<void> {
    const remoteE164 = this.numbers.e164(event.remotePhoneNumber);
    await this.texts.upsert(tx, event.accountId, {
      sid: event.messageSid,
      userId: event.userId,
      remoteNumber: event.remotePhoneNumber,
      userNumber: event.userPhoneNumber,
      remoteE164,
      userE164: this.numbers.e164(event.userPhoneNumber),
      incoming: event.direction === 'inbound',
      content: event.body,
      sentAt: new Date(event.sentAt),
      status: event.status,
      statusRank: TEXT_MESSAGE_STATUS_RANK[event.status],
      statusAt: new Date(event.occurredAt),
      errorCode: event.errorCode ?? null,
      errorMessage: event.errorMessage ?? null,
      resource: await this.resourceFor(tx, event.accountId, event.resource, remoteE164),
    });
  }

  /** The record telephony named, else the number's owner (the number stays locked until commit). */
  private async resourceFor(tx: Tx, accountId: number, named: TelephonyResource | null, remoteE164: string | null): Promise<PhoneRecord | null> {
    if (named) return { resourceType: named.resource_type, resourceId: named.resource_id };
    if (remoteE164 === null) return null;
    await lockNumbers(tx, accountId, [remoteE164]);
    return this.phones.owningRecord(tx, accountId, remoteE164);
  }
}
