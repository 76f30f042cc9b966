/**
 * The Communication Center for calls and text messages (issue 7), answered by communications.
 * Subjects, payloads and replies live here; `PhoneCenterRequestMap` is merged into the one RequestMap.
 *
 * The Communication Center is the acting user's own: the calls and texts of their Twilio number
 * (`user_id` = them) that telephony reported. Matched: the other party's number belongs to a
 * lead or contact of the account (or telephony named the record); unmatched otherwise.
 */
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Actor, EventEnvelope } from '../common/envelope';
import type { ListQuery, Page } from '../common/list-query';
import type { CallStatus, TextMessageStatus } from '../telephony/events';
import type { CallDto, TextMessageDto } from './calls';

/** Facts communications publishes about the phone Communication Center. */
export const PhoneCenterEvents = {
  /** A user deleted an SMS conversation: telephony removes its copies too (nothing may remain). */
  textConversationDeleted: 'communications.text-conversation.deleted.v1',
} as const;

export interface TextConversationDeletedEvent extends EventEnvelope {
  userId: number;
  userPhoneNumber: string;
  remotePhoneNumber: string;
  /** Every message of the conversation, by Twilio MessageSid. */
  messageSids: string[];
}

export const PhoneCenterRequests = {
  /** The actor's calls, newest first; filters `matched`, `missed`, `lead_status`, `owner_id`. */
  ListCalls: 'communications.phone-center.calls.list.v1',
  /** The actor's text messages, newest first; filters `matched`, `unread`, `incoming`, `lead_status`, `owner_id`, `phone_number` (one conversation). */
  ListTextMessages: 'communications.phone-center.text-messages.list.v1',
  CountItems: 'communications.phone-center.counts.v1',
  /** Set read or unread; every id must be one of the actor's messages (404 and nothing changed otherwise). */
  MarkTextMessages: 'communications.phone-center.text-messages.mark.v1',
  /** Create a lead or contact with the number (through records), then match its calls and texts. */
  AddNumberToSell: 'communications.phone-center.unmatched.add-to-sell.v1',
  /** Put the number on an existing lead or contact (phone, else mobile), then match. */
  AddNumberToExisting: 'communications.phone-center.unmatched.add-to-existing.v1',
  /** Hide the actor's unmatched calls and texts from the number (later ones still show). */
  IgnoreNumber: 'communications.phone-center.unmatched.ignore.v1',
  /** Delete every message of the actor's conversation with a number, permanently. */
  DeleteTextConversation: 'communications.phone-center.text-conversations.delete.v1',
} as const;

/** At most this many messages per mark request. */
export const MAX_TEXT_MESSAGE_SELECTION = 1000;
const MAX_ID = 2_147_483_647;
const PHONE_NUMBER_MESSAGE = 'phone_number must be a phone number, e.g. +14155550100';

/** `{ data: { ids, read } }` of mark. */
export class MarkTextMessagesAttributes {
  @IsArray({ message: 'ids must be a list of text message ids' })
  @ArrayNotEmpty({ message: 'ids must name at least one text message' })
  @ArrayMaxSize(MAX_TEXT_MESSAGE_SELECTION, { message: `ids may name at most ${MAX_TEXT_MESSAGE_SELECTION} text messages` })
  @IsInt({ each: true, message: 'each id must be an integer' })
  @Min(1, { each: true, message: 'each id must be positive' })
  @Max(MAX_ID, { each: true, message: 'each id must be a valid text message id' })
  ids: number[];

  @IsBoolean({ message: 'read must be true or false' })
  read: boolean;
}

/** `{ data: { phone_number } }` of ignore; the base of the other unmatched actions. */
export class UnmatchedNumberAttributes {
  @IsString({ message: PHONE_NUMBER_MESSAGE }) @MaxLength(64) phone_number: string;
}

/**
 * `{ data: { phone_number, as, first_name?, last_name?, owner_id?, owner_pool_id? } }`: the new
 * record's owner is the user named, else the next member of the pool named, else the actor. Without
 * a last name the number stands in for it (records needs one).
 */
export class AddNumberToSellAttributes extends UnmatchedNumberAttributes {
  @IsIn(['lead', 'contact'], { message: 'as must be lead or contact' }) as: 'lead' | 'contact';
  @IsOptional() @IsString() @MaxLength(255) first_name?: string;
  @IsOptional() @IsString() @MaxLength(255) last_name?: string;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) owner_id?: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) owner_pool_id?: number;
}

/** `{ data: { phone_number, resource_type, resource_id } }`. */
export class AddNumberToExistingAttributes extends UnmatchedNumberAttributes {
  @IsIn(['lead', 'contact'], { message: 'resource_type must be lead or contact' }) resource_type: 'lead' | 'contact';
  @IsInt() @Min(1) @Max(MAX_ID) resource_id: number;
}

/** A call in the Communication Center: Sell's call and telephony's state of it. */
export interface PhoneCenterCallDto extends CallDto {
  matched: boolean;
  /** Twilio's last known state of the call. */
  status: CallStatus | null;
  /** The user's Twilio number, E.164. */
  user_phone_number: string | null;
  /** The caller left a voicemail (its recording is `recording_url`). */
  voicemail: boolean;
}

/** A text message in the Communication Center: Sell's text message and its state. */
export interface PhoneCenterTextMessageDto extends TextMessageDto {
  matched: boolean;
  /** Twilio's MessageSid. */
  external_id: string | null;
  status: TextMessageStatus | null;
  error_code: string | null;
  error_message: string | null;
  /** Received and not read yet (sent messages are never unread). */
  unread: boolean;
}

/** The actor's own calls and texts, ignored unmatched ones left out. */
export interface PhoneCenterCountsDto {
  missed_calls: number;
  unread_text_messages: number;
  unmatched_calls: number;
  unmatched_text_messages: number;
}

export interface MarkTextMessagesDto {
  ids: number[];
  read: boolean;
}

/** What an unmatched action did with a number. */
export interface UnmatchedNumberDto {
  /** The number, E.164. */
  phone_number: string;
  /** add_to_sell / add_to_existing: the record that now has the number. */
  resource_type: 'lead' | 'contact' | null;
  resource_id: number | null;
  /** add_to_sell: the new record's owner. */
  owner_id: number | null;
  /** add_to_existing: the field the number went in (null when the record had it already). */
  field: 'phone' | 'mobile' | null;
  /** Calls and texts this action matched (add) or hid (ignore), across the account for add. */
  calls: number;
  text_messages: number;
}

export interface PhoneCenterListRequest extends Actor {
  query: ListQuery;
}
export interface PhoneCenterActionRequest extends Actor {
  data: unknown;
}
export interface DeleteTextConversationRequest extends Actor {
  /** As written in the path; normalised to E.164 by communications. */
  phoneNumber: string;
}

export interface PhoneCenterRequestMap {
  [PhoneCenterRequests.ListCalls]: { request: PhoneCenterListRequest; reply: Page<PhoneCenterCallDto> };
  [PhoneCenterRequests.ListTextMessages]: { request: PhoneCenterListRequest; reply: Page<PhoneCenterTextMessageDto> };
  [PhoneCenterRequests.CountItems]: { request: Actor; reply: PhoneCenterCountsDto };
  [PhoneCenterRequests.MarkTextMessages]: { request: PhoneCenterActionRequest; reply: MarkTextMessagesDto };
  [PhoneCenterRequests.AddNumberToSell]: { request: PhoneCenterActionRequest; reply: UnmatchedNumberDto };
  [PhoneCenterRequests.AddNumberToExisting]: { request: PhoneCenterActionRequest; reply: UnmatchedNumberDto };
  [PhoneCenterRequests.IgnoreNumber]: { request: PhoneCenterActionRequest; reply: UnmatchedNumberDto };
  [PhoneCenterRequests.DeleteTextConversation]: { request: DeleteTextConversationRequest; reply: { deleted: true } };
}
