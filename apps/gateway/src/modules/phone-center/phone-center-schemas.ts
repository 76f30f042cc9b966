import type {
  CallDto,
  MarkTextMessagesDto,
  PhoneCenterCallDto,
  PhoneCenterCountsDto,
  PhoneCenterTextMessageDto,
  TextMessageDto,
  UnmatchedNumberDto,
} from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import { CALL_SCHEMA, TEXT_MESSAGE_SCHEMA } from '../calls/call-schemas';

/** Typed by the contract DTOs: a field added to or removed from one fails the build until this follows. */
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const BOOLEAN: SchemaObject = { type: 'boolean' };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const COUNT: SchemaObject = { type: 'integer', minimum: 0 };
const MATCHED: SchemaObject = { type: 'boolean', description: 'the number belongs to a lead or contact (resource_type and resource_id name it)' };

/** Sell's schema of a call or text with our fields added. */
function extended<Base, T extends Base>(base: SchemaObject, extra: Properties<Omit<T, keyof Base>>): SchemaObject {
  return { ...base, properties: { ...base.properties, ...extra } };
}

export const PHONE_CENTER_CALL_SCHEMA = extended<CallDto, PhoneCenterCallDto>(CALL_SCHEMA, {
  matched: MATCHED,
  status: {
    type: 'string',
    nullable: true,
    enum: ['queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'],
    description: "Twilio's last known state of the call",
  },
  user_phone_number: { ...NULLABLE_STRING, description: "the user's Twilio number, E.164" },
  voicemail: { ...BOOLEAN, description: 'the caller left a voicemail (recording_url plays it)' },
});

export const PHONE_CENTER_TEXT_MESSAGE_SCHEMA = extended<TextMessageDto, PhoneCenterTextMessageDto>(TEXT_MESSAGE_SCHEMA, {
  matched: MATCHED,
  external_id: { ...NULLABLE_STRING, description: "Twilio's MessageSid" },
  status: {
    type: 'string',
    nullable: true,
    enum: ['received', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'],
  },
  error_code: { ...NULLABLE_STRING, description: "Twilio's error code when the message failed" },
  error_message: NULLABLE_STRING,
  unread: { ...BOOLEAN, description: 'received and not read yet' },
});

export const PHONE_CENTER_COUNTS_SCHEMA: SchemaObject = {
  type: 'object',
  description: "the current user's own calls and texts; ignored unmatched ones are not counted",
  properties: {
    missed_calls: { ...COUNT, description: 'missed calls, matched and unmatched' },
    unread_text_messages: COUNT,
    unmatched_calls: COUNT,
    unmatched_text_messages: COUNT,
  } satisfies Properties<PhoneCenterCountsDto>,
};

export const MARK_TEXT_MESSAGES_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { ids: { type: 'array', items: { type: 'integer' } }, read: BOOLEAN } satisfies Properties<MarkTextMessagesDto>,
};

export const UNMATCHED_NUMBER_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    phone_number: { type: 'string', description: 'E.164' },
    resource_type: { type: 'string', enum: ['lead', 'contact'], nullable: true, description: 'the record that has the number now (add actions)' },
    resource_id: { type: 'integer', nullable: true },
    owner_id: { type: 'integer', nullable: true, description: 'the record\'s owner (a pool resolves to a user)' },
    field: { type: 'string', enum: ['phone', 'mobile'], nullable: true, description: 'add_to_existing: where the number went; null if the record had it' },
    calls: { ...COUNT, description: 'calls matched (add, across the account) or hidden (ignore, yours)' },
    text_messages: { ...COUNT, description: 'text messages matched or hidden' },
  } satisfies Properties<UnmatchedNumberDto>,
};
