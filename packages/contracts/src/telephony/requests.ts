import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import type { Page } from '../common/list-query';
import type { CreateRequest, DeleteRequest, ListRequest } from '../records/payloads';
import type { CallStatus, TextMessageStatus } from './events';

/**
 * Requests answered by the telephony service (issue 7). Subjects, payloads and replies live
 * here; `TelephonyRequestMap` is merged into the one RequestMap.
 */
export const TelephonyRequests = {
  /** A Twilio webhook as the gateway received it: telephony checks the signature and answers TwiML. */
  HandleWebhook: 'telephony.webhooks.handle.v1',
  ListPhoneNumbers: 'telephony.phone-numbers.list.v1',
  /** Give a user a Twilio number (manage settings). */
  AssignPhoneNumber: 'telephony.phone-numbers.assign.v1',
  RemovePhoneNumber: 'telephony.phone-numbers.remove.v1',
  /** Send an SMS from the actor's Twilio number (new message or reply). */
  SendTextMessage: 'telephony.text-messages.send.v1',
  /** Click-to-call: Twilio rings the actor's own phone, then bridges to the lead, contact or number. */
  DialCall: 'telephony.calls.dial.v1',
  /** A recording's media, fetched from Twilio once and kept: its type and size. */
  OpenRecording: 'telephony.recordings.open.v1',
  /** A slice of a recording's media (NATS messages are small; the gateway streams slices). */
  ReadRecording: 'telephony.recordings.read.v1',
} as const;

export const TWILIO_WEBHOOK_KINDS = ['sms', 'voice', 'status', 'recording'] as const;
export type TwilioWebhookKind = (typeof TWILIO_WEBHOOK_KINDS)[number];

/** What the gateway forwards of a Twilio webhook, untouched, so the signature can be checked. */
export interface TwilioWebhookRequest {
  kind: TwilioWebhookKind;
  /** The public URL Twilio called: PUBLIC_URL + the path and query string as received. */
  url: string;
  /** The POST parameters (form-urlencoded); a repeated parameter is an array. */
  params: Record<string, string | string[]>;
  /** The raw body of a JSON webhook (its URL then carries `bodySHA256`). */
  rawBody?: string;
  /** `X-Twilio-Signature`; null when the request had none. */
  signature: string | null;
  correlationId?: string;
}

/** The HTTP answer for Twilio, returned by the gateway as is. */
export interface TwilioWebhookReply {
  status: number;
  contentType: string;
  body: string;
}

/** A Twilio number of the account and the user it belongs to. */
export class PhoneNumberAttributes {
  @IsInt() @Min(1) user_id: number;
  /** E.164 (`+14155550100`) or any international form with its country code. */
  @IsString() @MinLength(1) @MaxLength(64) phone_number: string;
}

export interface PhoneNumberDto {
  id: number;
  user_id: number;
  /** E.164. */
  phone_number: string;
  created_at: string;
  updated_at: string;
}

export const TELEPHONY_RESOURCE_TYPES = ['lead', 'contact'] as const;

/**
 * Who to text or call: a lead or contact (their mobile or phone, as the actor may see them) or a
 * number. A text may instead answer a received one (`in_reply_to`, a text message id).
 */
export class OutboundTargetAttributes {
  @IsOptional() @IsIn(TELEPHONY_RESOURCE_TYPES) resource_type?: (typeof TELEPHONY_RESOURCE_TYPES)[number];
  @IsOptional() @IsInt() @Min(1) resource_id?: number;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(64) phone_number?: string;
}

export class SendTextMessageAttributes extends OutboundTargetAttributes {
  /** Twilio takes up to 1,600 characters. */
  @IsString() @MinLength(1) @MaxLength(1600) content: string;
  @IsOptional() @IsInt() @Min(1) in_reply_to?: number;
}

export class DialCallAttributes extends OutboundTargetAttributes {}

/** A text as telephony sent it to Twilio (the Communication Center lists it once communications stores it). */
export interface OutboundTextMessageDto {
  id: number;
  /** Twilio's MessageSid. */
  sid: string;
  status: TextMessageStatus;
  content: string;
  user_id: number;
  user_phone_number: string;
  resource_phone_number: string;
  resource_type: 'lead' | 'contact' | null;
  resource_id: number | null;
  in_reply_to: number | null;
  error_code: string | null;
  error_message: string | null;
  sent_at: string;
}

/** A click-to-call as telephony asked Twilio for it. */
export interface OutboundCallDto {
  id: number;
  /** Twilio's CallSid of the call to the user's own phone (the parent of the bridged call). */
  sid: string;
  status: CallStatus;
  user_id: number;
  /** The user's Twilio number, shown to both sides as the caller. */
  user_phone_number: string;
  /** Where the user answers first (their own phone, from their profile). */
  user_own_phone_number: string;
  /** The lead's, contact's or given number, bridged once the user answers. */
  phone_number: string;
  resource_type: 'lead' | 'contact' | null;
  resource_id: number | null;
  made_at: string;
}

export interface OpenRecordingRequest {
  accountId: number;
  recordingId: number;
}

export interface RecordingMediaMeta {
  id: number;
  content_type: string;
  size: number;
  /** Seconds, as Twilio reported. */
  duration: number;
}

export interface ReadRecordingRequest {
  accountId: number;
  recordingId: number;
  offset: number;
  length: number;
}

export interface RecordingSlice {
  size: number;
  offset: number;
  /** base64 of bytes [offset, offset + length). */
  data: string;
}

export interface TelephonyRequestMap {
  [TelephonyRequests.HandleWebhook]: { request: TwilioWebhookRequest; reply: TwilioWebhookReply };
  [TelephonyRequests.ListPhoneNumbers]: { request: ListRequest; reply: Page<PhoneNumberDto> };
  [TelephonyRequests.AssignPhoneNumber]: { request: CreateRequest; reply: PhoneNumberDto };
  [TelephonyRequests.RemovePhoneNumber]: { request: DeleteRequest; reply: { deleted: true } };
  [TelephonyRequests.SendTextMessage]: { request: CreateRequest; reply: OutboundTextMessageDto };
  [TelephonyRequests.DialCall]: { request: CreateRequest; reply: OutboundCallDto };
  [TelephonyRequests.OpenRecording]: { request: OpenRecordingRequest; reply: RecordingMediaMeta };
  [TelephonyRequests.ReadRecording]: { request: ReadRecordingRequest; reply: RecordingSlice };
}
