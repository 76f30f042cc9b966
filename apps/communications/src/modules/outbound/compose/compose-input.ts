import { DomainError, OutboundRecipientType, parseAttributes, SendEmailAttributes } from '@crm/contracts';
import { sanitizeEmailHtml } from '../../emails/html-sanitizer';

export interface RecipientRecord {
  type: OutboundRecipientType;
  id: number;
  /** Where it was in `to`, for errors on `/to/<index>/…`. */
  index: number;
}

/** A composed email after every check that needs no other service and no database. */
export interface ComposedEmail {
  to: RecipientRecord[];
  cc: string[];
  subject: string;
  text: string | null;
  /** Sanitised as received mail is: what is stored and sent. */
  html: string | null;
  inReplyTo: number | null;
}

/**
 * Validate `POST /v2/emails` data: unknown attributes, wrong types, no recipient, no body are
 * 422s here (HTML that sanitises to nothing is no body). A record named twice is written to once;
 * so is a cc address given twice.
 */
export function parseComposedEmail(data: unknown): ComposedEmail {
  const attributes = parseAttributes('email', SendEmailAttributes, data);
  const text = nonBlank(attributes.text);
  const html = nonBlank(sanitizeEmailHtml(attributes.html ?? null));
  if (text === null && html === null) throw DomainError.invalid('email', 'text', 'text or html is required', 'blank');
  // A header is one line: a pasted line break must not start another header.
  const subject = attributes.subject.replace(/[\r\n]+/g, ' ').trim();
  if (subject === '') throw DomainError.invalid('email', 'subject', 'subject is required', 'blank');
  const seen = new Set<string>();
  const to: RecipientRecord[] = [];
  attributes.to.forEach((recipient, index) => {
    const key = `${recipient.resource_type}:${recipient.resource_id}`;
    if (seen.has(key)) return;
    seen.add(key);
    to.push({ type: recipient.resource_type, id: recipient.resource_id, index });
  });
  return {
    to,
    cc: [...new Set((attributes.cc ?? []).map((address) => address.trim().toLowerCase()))],
    subject,
    text,
    html,
    inReplyTo: attributes.in_reply_to ?? null,
  };
}

function nonBlank(value: string | null | undefined): string | null {
  return value != null && value.trim() !== '' ? value : null;
}
