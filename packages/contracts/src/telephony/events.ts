import type { EventEnvelope } from '../common/envelope';

/** Facts the telephony service publishes (through its outbox) about calls and text messages. */
export const TelephonyEvents = {
  /** An SMS received on, or sent from, a user's Twilio number; and its later delivery states. */
  textMessage: {
    received: 'telephony.text-message.received.v1',
    sent: 'telephony.text-message.sent.v1',
    status: 'telephony.text-message.status.v1',
  },
  /** Every state a call goes through (ringing, answered, completed, missed, recording ready). */
  call: { updated: 'telephony.call.updated.v1' },
} as const;

/** A lead or contact the user chose explicitly (outbound), besides matching by number. */
export interface TelephonyResource {
  resource_type: 'lead' | 'contact';
  resource_id: number;
}

export type TextMessageStatus = 'received' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export interface TelephonyTextMessageEvent extends EventEnvelope {
  /** Twilio's MessageSid: the key that makes a retried webhook change nothing. */
  messageSid: string;
  direction: 'inbound' | 'outbound';
  /** The user whose Twilio number it is (null when the number is nobody's). */
  userId: number | null;
  /** The user's Twilio number, E.164. */
  userPhoneNumber: string;
  /** The other party's number, E.164 (matched to leads and contacts by communications). */
  remotePhoneNumber: string;
  body: string;
  status: TextMessageStatus;
  errorCode: string | null;
  errorMessage: string | null;
  sentAt: string;
  resource: TelephonyResource | null;
}

export type CallStatus = 'queued' | 'initiated' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export interface TelephonyCallEvent extends EventEnvelope {
  /** Twilio's CallSid (of the parent call for a bridged click-to-call). */
  callSid: string;
  direction: 'inbound' | 'outbound';
  userId: number | null;
  userPhoneNumber: string;
  remotePhoneNumber: string;
  status: CallStatus;
  /** An inbound call nobody answered (no-answer, busy, failed, canceled, or went to voicemail). */
  missed: boolean;
  /** Seconds. */
  duration: number;
  startedAt: string;
  /** telephony's id of a stored recording (voicemail or recorded call), once it is ready. */
  recordingId: number | null;
  voicemail: boolean;
  resource: TelephonyResource | null;
}
