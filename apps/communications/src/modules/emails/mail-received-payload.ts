import type { MailAddress, MailAttachmentMeta, MailLink, MailMessageReceivedEvent } from '@crm/contracts';

const SUBJECT = 'mail.message.received.v1';
const LINK_TYPES: readonly string[] = ['lead', 'contact', 'deal'];

/**
 * The event is checked whole before anything is stored: a malformed one fails its handler, is
 * redelivered and finally dead-lettered, instead of being half applied.
 */
export function assertMailMessageReceived(event: MailMessageReceivedEvent): void {
  positiveId(event.accountId, 'accountId');
  positiveId(event.ingestId, 'ingestId');
  check(typeof event.messageId === 'string' && event.messageId.trim() !== '' && event.messageId.length <= 998, 'messageId must be a non-empty string');
  check(event.direction === 'sent' || event.direction === 'received', 'direction must be sent or received');
  if (event.userId !== null) positiveId(event.userId, 'userId');
  check(typeof event.forwarded === 'boolean' && typeof event.bodyTruncated === 'boolean', 'forwarded and bodyTruncated must be booleans');
  for (const name of ['subject', 'text', 'html', 'inReplyTo'] as const) check(nullableString(event[name]), `${name} must be a string or null`);
  check(event.from === null || isAddress(event.from), 'from must be an address or null');
  check(Array.isArray(event.to) && event.to.every(isAddress), 'to must be a list of addresses');
  check(Array.isArray(event.cc) && event.cc.every(isAddress), 'cc must be a list of addresses');
  check(typeof event.date === 'string' && !Number.isNaN(Date.parse(event.date)), 'date must be a timestamp');
  check(Array.isArray(event.references) && event.references.every((r) => typeof r === 'string'), 'references must be a list of strings');
  check(Array.isArray(event.attachments) && event.attachments.every(isAttachment), 'attachments must be a list of attachment metadata');
  check(Array.isArray(event.links) && event.links.every(isLink), 'links must be a list of {resource_type, resource_id}');
  check(event.source === undefined || event.source === 'bcc' || event.source === 'mailbox', 'source must be bcc or mailbox');
  check(event.mailbox === undefined || event.mailbox === null || isMailbox(event.mailbox), 'mailbox must be {userId, folder: inbox or sent}');
  check((event.source === 'mailbox') === Boolean(event.mailbox), 'a mailbox message has source mailbox and its mailbox, and only it');
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`${SUBJECT}: ${message}`);
}

function positiveId(value: unknown, name: string): void {
  check(isId(value), `${name} must be a positive integer`);
}

function isId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function nullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

function isAddress(value: unknown): value is MailAddress {
  const a = value as MailAddress | null;
  return typeof a === 'object' && a !== null && typeof a.email === 'string' && nullableString(a.name);
}

function isAttachment(value: unknown): value is MailAttachmentMeta {
  const a = value as MailAttachmentMeta | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    isId(a.id) &&
    nullableString(a.filename) &&
    typeof a.content_type === 'string' &&
    Number.isSafeInteger(a.size) &&
    a.size >= 0 &&
    nullableString(a.content_id) &&
    typeof a.sha256 === 'string'
  );
}

function isMailbox(value: unknown): boolean {
  const m = value as { userId?: unknown; folder?: unknown } | null;
  return typeof m === 'object' && m !== null && isId(m.userId) && (m.folder === 'inbox' || m.folder === 'sent');
}

function isLink(value: unknown): value is MailLink {
  const l = value as MailLink | null;
  return typeof l === 'object' && l !== null && LINK_TYPES.includes(l.resource_type) && isId(l.resource_id);
}
