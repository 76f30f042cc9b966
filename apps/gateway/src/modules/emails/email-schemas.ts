import type { EmailDto, MailAddress, MailAttachmentMeta, MailLink } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import { EMAIL_DELIVERY_PROPERTIES } from '../outbound-email/email-delivery-schema';

/** Typed by the contract DTOs: a field added to or removed from one fails the build until this follows. */
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const INTEGER: SchemaObject = { type: 'integer' };
const NULLABLE_STRING: SchemaObject = { type: 'string', nullable: true };
const BOOLEAN: SchemaObject = { type: 'boolean' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };

function objectSchema<T>(properties: Properties<T>, extra: SchemaObject = {}): SchemaObject {
  return { type: 'object', properties, ...extra };
}

const ADDRESS = objectSchema<MailAddress>({ email: { type: 'string' }, name: NULLABLE_STRING });

export const EMAIL_ATTACHMENT_SCHEMA = objectSchema<MailAttachmentMeta>(
  {
    id: { type: 'integer', description: 'download at /v2/emails/{id}/attachments/{attachment_id}' },
    filename: NULLABLE_STRING,
    content_type: { type: 'string' },
    size: { type: 'integer', minimum: 0, description: 'bytes' },
    content_id: { ...NULLABLE_STRING, description: 'referenced by cid: images in the HTML' },
    sha256: { type: 'string' },
  },
);

const LINK = objectSchema<MailLink>({ resource_type: { type: 'string', enum: ['lead', 'contact', 'deal'] }, resource_id: INTEGER });

export const EMAIL_SCHEMA = objectSchema<EmailDto>({
  id: INTEGER,
  message_id: { type: 'string', description: 'the Message-ID header without angle brackets' },
  direction: { type: 'string', enum: ['sent', 'received'] },
  subject: NULLABLE_STRING,
  text: NULLABLE_STRING,
  html: { ...NULLABLE_STRING, description: 'sanitised: no scripts, event handlers, frames, forms or remote content' },
  body_truncated: { ...BOOLEAN, description: 'the body was longer than the stored limit and was cut' },
  from: { ...ADDRESS, nullable: true },
  to: { type: 'array', items: ADDRESS },
  cc: { type: 'array', items: ADDRESS },
  date: DATE_TIME,
  in_reply_to: NULLABLE_STRING,
  references: { type: 'array', items: { type: 'string' } },
  user_id: { type: 'integer', nullable: true, description: 'the user who sent or forwarded it' },
  forwarded: BOOLEAN,
  attachments: { type: 'array', items: EMAIL_ATTACHMENT_SCHEMA },
  resources: { type: 'array', items: LINK, description: 'the leads, contacts and deals it is filed on' },
  created_at: DATE_TIME,
  updated_at: DATE_TIME,
  ...EMAIL_DELIVERY_PROPERTIES,
});
