import type { OutboundCallDto, OutboundTextMessageDto, PhoneNumberDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import type { ListSpec } from '../../http/list-query';

type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const int: SchemaObject = { type: 'integer' };
const nullableInt: SchemaObject = { type: 'integer', nullable: true };
const str: SchemaObject = { type: 'string' };
const nullableStr: SchemaObject = { type: 'string', nullable: true };
const e164: SchemaObject = { type: 'string', description: 'E.164', example: '+14155550100' };
const dateTime: SchemaObject = { type: 'string', format: 'date-time' };
const resourceType: SchemaObject = { type: 'string', enum: ['lead', 'contact'], nullable: true };

export const PHONE_NUMBER_LIST: ListSpec = { resource: 'phone_number', selectable: true, customFieldFilters: false, filters: { user_id: 'integer' } };

export const PHONE_NUMBER_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { id: int, user_id: int, phone_number: e164, created_at: dateTime, updated_at: dateTime } satisfies Properties<PhoneNumberDto>,
};

export const OUTBOUND_TEXT_MESSAGE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: int,
    sid: { type: 'string', description: "Twilio's MessageSid" },
    status: { type: 'string', enum: ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'] },
    content: str,
    user_id: int,
    user_phone_number: e164,
    resource_phone_number: e164,
    resource_type: resourceType,
    resource_id: nullableInt,
    in_reply_to: { ...nullableInt, description: 'the text message answered' },
    error_code: nullableStr,
    error_message: nullableStr,
    sent_at: dateTime,
  } satisfies Properties<OutboundTextMessageDto>,
};

export const OUTBOUND_CALL_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: int,
    sid: { type: 'string', description: "Twilio's CallSid of the call to the user's own phone" },
    status: { type: 'string', example: 'queued' },
    user_id: int,
    user_phone_number: { ...e164, description: "the user's Twilio number, the caller id both sides see" },
    user_own_phone_number: { ...e164, description: "the user's own phone, called first" },
    phone_number: { ...e164, description: 'the other party, connected once the user answers' },
    resource_type: resourceType,
    resource_id: nullableInt,
    made_at: dateTime,
  } satisfies Properties<OutboundCallDto>,
};
