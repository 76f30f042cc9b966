import type { Actor, EventEnvelope } from '../common/envelope';
import type { ListQuery } from '../common/list-query';

export interface MailAddress {
  email: string;
  name: string | null;
}

export type EmailDirection = 'sent' | 'received';
export type MailResourceType = 'lead' | 'contact' | 'deal';

/** A record an email is attached to. */
export interface MailLink {
  resource_type: MailResourceType;
  resource_id: number;
}

/** An attachment as mail-ingest stored it; the content is read in slices with `ReadAttachment`. */
export interface MailAttachmentMeta {
  /** mail-ingest's id of the stored attachment. */
  id: number;
  filename: string | null;
  content_type: string;
  size: number;
  content_id: string | null;
  sha256: string;
}

/** A parsed, filed message. Bodies longer than the event limit are cut and flagged. */
export interface MailMessageReceivedEvent extends EventEnvelope {
  /** mail-ingest's id of the raw message. */
  ingestId: number;
  /** The RFC 5322 Message-ID (angle brackets removed), or one derived from the raw message's hash. */
  messageId: string;
  direction: EmailDirection;
  /** The user who sent or forwarded it, when it came from one. */
  userId: number | null;
  /** True when the message was a forward that was unwrapped: the fields below are the original's. */
  forwarded: boolean;
  subject: string | null;
  text: string | null;
  /** The message's HTML as received; communications sanitises it before storing. */
  html: string | null;
  bodyTruncated: boolean;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: string;
  inReplyTo: string | null;
  references: string[];
  attachments: MailAttachmentMeta[];
  links: MailLink[];
  /** Absent or 'bcc': sent to a BCC or deal address. 'mailbox': copied from a user's synced mailbox. */
  source?: 'bcc' | 'mailbox';
  /**
   * For a synced mailbox: whose it is and which folder the message was in. Such a message may
   * have no links (a sender who is neither lead nor contact): it feeds that user's Suggested people.
   */
  mailbox?: { userId: number; folder: 'inbox' | 'sent' } | null;
}

export interface BccAddressChangedEvent extends EventEnvelope {
  address: string;
}

export interface DealAddressAssignedEvent extends EventEnvelope {
  dealId: number;
  address: string;
}

export interface BccAddressDto {
  email: string;
  created_at: string;
  /** Earlier addresses still accepted during their grace period. */
  previous: { email: string; expires_at: string }[];
}

export type IngestStatus = 'pending' | 'filed' | 'failed';

/** One line of a message's ingest log: what was matched or created, and why. */
export interface IngestLogEntry {
  action: 'resolved' | 'unwrapped' | 'matched' | 'created' | 'skipped' | 'linked' | 'failed';
  email?: string;
  resource_type?: MailResourceType | 'user' | 'account';
  resource_id?: number;
  reason: string;
}

export interface IngestedMessageDto {
  id: number;
  status: IngestStatus;
  message_id: string | null;
  subject: string | null;
  envelope_from: string | null;
  recipients: string[];
  size: number;
  attempts: number;
  last_error: string | null;
  log: IngestLogEntry[];
  received_at: string;
  filed_at: string | null;
}

export interface IngestedMessagesListRequest extends Actor {
  query: ListQuery;
}

export interface ReadAttachmentRequest {
  accountId: number;
  attachmentId: number;
  offset: number;
  length: number;
}
export interface AttachmentSlice {
  filename: string | null;
  content_type: string;
  size: number;
  offset: number;
  /** base64 of bytes [offset, offset + length). */
  data: string;
}
