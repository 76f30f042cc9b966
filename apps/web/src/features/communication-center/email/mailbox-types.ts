/**
 * The shapes of the Communication Center email API as the browser sees them
 * (`/v2/communications/emails`, `/v2/communications/suggested_people`, `/v2/emails/{id}`).
 * Kept here rather than imported from @crm/contracts: the web app's contract is the public HTTP API.
 */

export const MAILBOX_TABS = ['inbox', 'suggested', 'sent', 'archived'] as const;
export type MailboxTab = (typeof MAILBOX_TABS)[number];

export function isMailboxTab(value: string | undefined): value is MailboxTab {
  return (MAILBOX_TABS as readonly string[]).includes(value ?? '');
}

export interface MailAddress {
  email: string;
  name: string | null;
}

export type RecordType = 'lead' | 'contact' | 'deal';

export interface MailLink {
  resource_type: RecordType;
  resource_id: number;
}

export interface MailAttachment {
  id: number;
  filename: string | null;
  content_type: string;
  size: number;
  content_id: string | null;
}

/** One row of a tab. */
export interface MailboxEmail {
  id: number;
  direction: 'sent' | 'received';
  source: 'bcc' | 'mailbox' | 'crm';
  subject: string | null;
  snippet: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: string;
  attachments: MailAttachment[];
  resources: MailLink[];
  folder: 'inbox' | 'sent';
  read: boolean;
  archived: boolean;
  sent_from_crm: boolean;
  sent_at: string | null;
  opened: boolean | null;
  open_count: number | null;
  last_opened_at: string | null;
}

/** The whole message (`GET /v2/emails/{id}`); `html` is sanitised by the server. */
export interface EmailMessage {
  id: number;
  direction: 'sent' | 'received';
  subject: string | null;
  text: string | null;
  html: string | null;
  body_truncated: boolean;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: string;
  forwarded: boolean;
  attachments: MailAttachment[];
  resources: MailLink[];
  status?: 'queued' | 'sent' | 'failed';
  open_count?: number;
}

export interface MailboxCounts {
  inbox: { total: number; unread: number };
  /** total: people; unread: their unread emails. */
  suggested: { total: number; unread: number };
  sent: { total: number };
  archived: { total: number };
}

export interface SuggestedPerson {
  email: string;
  name: string | null;
  message_count: number;
  unread_count: number;
  last_message: { id: number; subject: string | null; date: string };
}

export interface SuggestedPeopleResult {
  action: 'add_as_lead' | 'add_as_contact' | 'ignore' | 'unignore';
  emails: string[];
  records: { email: string; resource_type: 'lead' | 'contact'; resource_id: number; owner_id: number; linked_emails: number }[];
}
