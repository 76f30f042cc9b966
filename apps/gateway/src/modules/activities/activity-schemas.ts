import type { CallActivity, EmailActivity, NoteActivity, TextMessageActivity } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import { EMAIL_SCHEMA } from '../emails/email-schemas';

/** Typed by the contract DTOs: a field added to or removed from one fails the build until this follows. */
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const INTEGER: SchemaObject = { type: 'integer' };
const NULLABLE_INTEGER: SchemaObject = { type: 'integer', nullable: true };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const BOOLEAN: SchemaObject = { type: 'boolean' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const CALL_OR_TEXT_DIRECTION: SchemaObject = { type: 'string', enum: ['incoming', 'outgoing'] };

const COMMON = {
  id: INTEGER,
  occurred_at: { ...DATE_TIME, description: "the email's date, the call's made_at, the text's sent_at, the note's created_at" },
  user_id: { ...NULLABLE_INTEGER, description: 'who sent, made or wrote it, when known' },
  starred: BOOLEAN,
  starred_by_id: { ...NULLABLE_INTEGER, description: 'who starred it (stars are shared by everyone who sees the record)' },
  starred_at: { ...DATE_TIME, nullable: true },
  thread_ids: { type: 'array', items: INTEGER, description: "this record's named threads that hold it" },
  snippet: { ...NULLABLE_STRING, description: 'the start of the body on one line' },
};

function kind<T>(type: string, properties: Properties<T>): SchemaObject {
  return { type: 'object', title: type, required: ['type', 'id', 'occurred_at'], properties };
}

const EMAIL = kind<EmailActivity>('email', {
  type: { type: 'string', enum: ['email'] },
  ...COMMON,
  subject: NULLABLE_STRING,
  direction: { type: 'string', enum: ['sent', 'received'] },
  from: { ...(EMAIL_SCHEMA.properties?.from as SchemaObject) },
  conversation_id: { ...NULLABLE_INTEGER, description: 'see /v2/email_conversations/{id}; null until the threading pass has reached it' },
});

const CALL = kind<CallActivity>('call', {
  type: { type: 'string', enum: ['call'] },
  ...COMMON,
  direction: CALL_OR_TEXT_DIRECTION,
  duration: { type: 'integer', minimum: 0, description: 'seconds' },
  missed: BOOLEAN,
});

const TEXT_MESSAGE = kind<TextMessageActivity>('text_message', { type: { type: 'string', enum: ['text_message'] }, ...COMMON, direction: CALL_OR_TEXT_DIRECTION });

const NOTE = kind<NoteActivity>('note', { type: { type: 'string', enum: ['note'] }, ...COMMON, is_important: BOOLEAN });

/** One entry of a record's activity feed: an email, call, text message or note, told apart by `type`. */
export const ACTIVITY_SCHEMA: SchemaObject = {
  oneOf: [EMAIL, CALL, TEXT_MESSAGE, NOTE],
  discriminator: { propertyName: 'type' },
};
