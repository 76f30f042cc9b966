import type { ConversationEmailDto, EmailConversationDto, EmailDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import { EMAIL_SCHEMA } from '../emails/email-schemas';

type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const INTEGER: SchemaObject = { type: 'integer' };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const email = (field: keyof EmailDto): SchemaObject => EMAIL_SCHEMA.properties![field] as SchemaObject;

const conversationEmail: Properties<ConversationEmailDto> = {
  id: INTEGER,
  message_id: email('message_id'),
  subject: NULLABLE_STRING,
  snippet: { ...NULLABLE_STRING, description: 'the start of the text on one line; the whole email is at /v2/emails/{id}' },
  direction: email('direction'),
  from: email('from'),
  to: email('to'),
  cc: email('cc'),
  date: DATE_TIME,
  in_reply_to: NULLABLE_STRING,
  user_id: email('user_id'),
};

const conversation: Properties<EmailConversationDto> = {
  id: INTEGER,
  subject: { ...NULLABLE_STRING, description: 'of its first visible email' },
  participants: { type: 'array', items: { type: 'string' }, description: 'lower-cased From, To and Cc addresses of the visible emails' },
  email_count: { type: 'integer', description: 'visible emails' },
  first_date: DATE_TIME,
  last_date: DATE_TIME,
  manual: { type: 'boolean', description: 'split or merged by a user: automatic threading never merges it into another' },
  emails: { type: 'array', items: { type: 'object', properties: conversationEmail }, description: 'the emails the user can see, oldest first' },
  created_at: DATE_TIME,
  updated_at: DATE_TIME,
};

export const EMAIL_CONVERSATION_SCHEMA: SchemaObject = { type: 'object', properties: conversation };
