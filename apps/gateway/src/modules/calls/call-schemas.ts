import type { CallDto, CallOutcomeDto, TextMessageDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';

/**
 * Response `data` of calls, call outcomes and text messages. Typed by the contract DTOs, so a
 * field added to or removed from one fails the build until the documentation follows.
 */
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const INTEGER: SchemaObject = { type: 'integer' };
const NULLABLE_INTEGER: SchemaObject = { type: 'integer', nullable: true };
const STRING: SchemaObject = { type: 'string' };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const BOOLEAN: SchemaObject = { type: 'boolean' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const DEAL_IDS: SchemaObject = { type: 'array', items: { type: 'integer' }, description: 'ids of associated deals' };

function objectSchema<T>(properties: Properties<T>): SchemaObject {
  return { type: 'object', properties };
}

export const CALL_SCHEMA = objectSchema<CallDto>({
  id: INTEGER,
  user_id: INTEGER,
  summary: NULLABLE_STRING,
  recording_url: { ...NULLABLE_STRING, description: 'a recorded call telephony stored: streamed at /v2/calls/{id}/recording' },
  outcome_id: NULLABLE_INTEGER,
  duration: { type: 'integer', minimum: 0, description: 'seconds' },
  phone_number: STRING,
  incoming: BOOLEAN,
  missed: BOOLEAN,
  external_id: NULLABLE_STRING,
  resource_type: { type: 'string', enum: ['lead', 'contact', 'deal'], nullable: true },
  resource_id: NULLABLE_INTEGER,
  associated_deal_ids: DEAL_IDS,
  made_at: DATE_TIME,
  created_at: DATE_TIME,
  updated_at: DATE_TIME,
  recording_id: { ...NULLABLE_INTEGER, description: "extension: telephony's id of the call's recording (voicemail or recorded call)" },
});

export const CALL_OUTCOME_SCHEMA = objectSchema<CallOutcomeDto>({
  id: INTEGER,
  name: STRING,
  creator_id: { ...NULLABLE_INTEGER, description: 'null for the outcomes every account starts with' },
  created_at: DATE_TIME,
  updated_at: DATE_TIME,
});

export const TEXT_MESSAGE_SCHEMA = objectSchema<TextMessageDto>({
  id: INTEGER,
  associated_deal_ids: DEAL_IDS,
  content: STRING,
  incoming: BOOLEAN,
  resource_type: { type: 'string', enum: ['lead', 'contact'], nullable: true, description: 'null: unmatched' },
  resource_id: NULLABLE_INTEGER,
  resource_phone_number: STRING,
  sent_at: DATE_TIME,
  user_id: NULLABLE_INTEGER,
  user_phone_number: STRING,
  created_at: DATE_TIME,
  updated_at: DATE_TIME,
});
