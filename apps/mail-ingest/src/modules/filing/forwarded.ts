import EmailForwardParser from 'email-forward-parser';
import type { EmailForwardMailbox } from 'email-forward-parser';
import type { MailAddress } from '@crm/contracts';

/** The original message inside a forward. */
export interface ForwardedOriginal {
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string | null;
  date: Date | null;
  body: string;
}

/** A reply in the common mail-client languages: its quoted header block is not a forward. */
const REPLY_SUBJECT = /^\s*(re|aw|sv|antw|vs|odp|r|rif|ris|res|ynt|atb|vá|απ|回复|答复|返信)\s*(\[\d+\])?\s*[:：]/i;

const parser = new EmailForwardParser();

/**
 * Unwrap a forwarded message (any client, any language) with email-forward-parser. The subject
 * is a hint ("Fwd:", "WG:", "RV:"…); users often edit it, so without a forward prefix the body is
 * read alone — unless the subject says it is a reply, whose quoted header looks like a forward.
 */
export function unwrapForward(text: string | null, subject: string | null): ForwardedOriginal | null {
  if (!text) return null;
  let result = parser.read(text, subject ?? undefined);
  if (!result.forwarded && !(subject && REPLY_SUBJECT.test(subject))) result = parser.read(text);
  const from = mailbox(result.forwarded ? result.email?.from : null);
  if (!from) return null;
  const date = result.email.date ? new Date(result.email.date) : null;
  return {
    from,
    to: mailboxes(result.email.to),
    cc: mailboxes(result.email.cc),
    subject: result.email.subject ?? null,
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    body: result.email.body ?? '',
  };
}

function mailbox(box: EmailForwardMailbox | null | undefined): MailAddress | null {
  const email = box?.address?.trim().toLowerCase();
  return email && email.includes('@') ? { email, name: box?.name?.trim() || null } : null;
}

function mailboxes(field: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined): MailAddress[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.map(mailbox).filter((box): box is MailAddress => box !== null);
}
