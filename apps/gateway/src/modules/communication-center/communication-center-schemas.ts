import {
  MAILBOX_TABS,
  MailboxActionDto,
  MailboxCountsDto,
  MailboxEmailDto,
  SuggestedPeopleActionDto,
  SuggestedPersonDto,
  SuggestedPersonRecordDto,
} from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import type { ListSpec } from '../../http/list-query';
import { EMAIL_ATTACHMENT_SCHEMA, EMAIL_SCHEMA } from '../emails/email-schemas';

/** Typed by the contract DTOs: a field added to or removed from one fails the build until this follows. */
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const INTEGER: SchemaObject = { type: 'integer' };
const BOOLEAN: SchemaObject = { type: 'boolean' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const NULLABLE_DATE_TIME: SchemaObject = { ...DATE_TIME, nullable: true };

function objectSchema<T>(properties: Properties<T>): SchemaObject {
  return { type: 'object', properties };
}

/** The email fields shared with `GET /v2/emails`, documented once. */
const email = EMAIL_SCHEMA.properties as Record<string, SchemaObject>;

/**
 * `GET /v2/communications/emails`: `tab` (inbox, suggested, sent, archived; default inbox; another
 * value is a 422), `q` (an address: sender, To or Cc; otherwise words, by full-text search over
 * subject and text) and `unread` (true or false). Newest first; paged like every list.
 */
export const MAILBOX_EMAIL_LIST: ListSpec = {
  resource: 'email',
  selectable: false,
  customFieldFilters: false,
  filters: { tab: 'text', q: 'text', unread: 'boolean' },
};

/** `GET /v2/communications/suggested_people`: `q` is part of a sender's address or name. */
export const SUGGESTED_PEOPLE_LIST: ListSpec = {
  resource: 'suggested_person',
  selectable: false,
  customFieldFilters: false,
  filters: { q: 'text' },
};

export const MAILBOX_EMAIL_SCHEMA = objectSchema<MailboxEmailDto>({
  id: { ...INTEGER, description: 'the email; GET /v2/emails/{id} has the whole message' },
  message_id: email.message_id,
  direction: email.direction,
  source: { type: 'string', enum: ['bcc', 'mailbox', 'crm'], description: 'BCC or deal address, the synced mailbox, or sent from the CRM' },
  subject: email.subject,
  snippet: { type: 'string', nullable: true, description: 'the start of the text body' },
  from: email.from,
  to: email.to,
  cc: email.cc,
  date: DATE_TIME,
  user_id: email.user_id,
  attachments: { type: 'array', items: EMAIL_ATTACHMENT_SCHEMA },
  resources: email.resources,
  folder: { type: 'string', enum: ['inbox', 'sent'] },
  read: BOOLEAN,
  archived: BOOLEAN,
  sent_from_crm: BOOLEAN,
  sent_at: { ...NULLABLE_DATE_TIME, description: 'sent from the CRM: when the relay accepted it' },
  opened: { type: 'boolean', nullable: true, description: 'sent from the CRM: opened at least once' },
  open_count: { type: 'integer', nullable: true, description: 'sent from the CRM: how many times it was opened' },
  last_opened_at: { ...NULLABLE_DATE_TIME, description: 'sent from the CRM' },
});
MAILBOX_EMAIL_SCHEMA.description = `An email in the user's Communication Center. Tabs: ${MAILBOX_TABS.join(', ')}.`;

const TOTAL = objectSchema<{ total: number }>({ total: INTEGER });
const TOTAL_UNREAD = objectSchema<{ total: number; unread: number }>({ total: INTEGER, unread: { ...INTEGER, description: 'unread emails' } });

export const MAILBOX_COUNTS_SCHEMA = objectSchema<MailboxCountsDto>({
  inbox: TOTAL_UNREAD,
  suggested: { ...TOTAL_UNREAD, description: 'total: people (senders); unread: their unread emails' },
  sent: TOTAL,
  archived: TOTAL,
});

export const MAILBOX_ACTION_SCHEMA = objectSchema<MailboxActionDto>({
  action: { type: 'string', enum: ['mark_read', 'mark_unread', 'archive', 'unarchive'] },
  ids: { type: 'array', items: INTEGER, description: 'every email named, now in the state asked for' },
});

export const SUGGESTED_PERSON_SCHEMA = objectSchema<SuggestedPersonDto>({
  email: { type: 'string', description: 'the sender, lower-cased' },
  name: { type: 'string', nullable: true, description: 'the latest display name they used' },
  message_count: INTEGER,
  unread_count: INTEGER,
  last_message: objectSchema<SuggestedPersonDto['last_message']>({ id: INTEGER, subject: { type: 'string', nullable: true }, date: DATE_TIME }),
});

const SUGGESTED_PERSON_RECORD_SCHEMA = objectSchema<SuggestedPersonRecordDto>({
  email: { type: 'string' },
  resource_type: { type: 'string', enum: ['lead', 'contact'] },
  resource_id: INTEGER,
  owner_id: INTEGER,
  linked_emails: { ...INTEGER, description: 'past emails filed on the new record' },
});

export const SUGGESTED_PEOPLE_ACTION_SCHEMA = objectSchema<SuggestedPeopleActionDto>({
  action: { type: 'string', enum: ['add_as_lead', 'add_as_contact', 'ignore', 'unignore'] },
  emails: { type: 'array', items: { type: 'string' }, description: 'the senders acted on, lower-cased' },
  records: { type: 'array', items: SUGGESTED_PERSON_RECORD_SCHEMA, description: 'the records created (add_as_lead, add_as_contact)' },
});
