import { createHash } from 'node:crypto';
import type { MailAddress } from '@crm/contracts';
import { AddressObject, simpleParser } from 'mailparser';

export interface ParsedAttachment {
  position: number;
  filename: string | null;
  contentType: string;
  contentId: string | null;
  content: Buffer;
  sha256: string;
}

/** What filing needs from a message, whatever its MIME structure and charsets. */
export interface ParsedMessage {
  messageId: string;
  subject: string | null;
  text: string | null;
  html: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: Date | null;
  inReplyTo: string | null;
  references: string[];
  attachments: ParsedAttachment[];
}

/**
 * Parse a stored raw message (mailparser decodes transfer encodings and charsets, and hashes each
 * attachment with SHA-256 as it decodes it, instead of MD5 plus a second pass of our own).
 */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const mail = await simpleParser(raw, {
    keepCidLinks: true,
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    checksumAlgo: 'sha256',
  });
  return {
    messageId: stripBrackets(mail.messageId) ?? `derived-${createHash('sha256').update(raw).digest('hex')}`,
    subject: mail.subject ?? null,
    text: mail.text ?? null,
    html: typeof mail.html === 'string' ? mail.html : null,
    from: addresses(mail.from)[0] ?? null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    inReplyTo: stripBrackets(mail.inReplyTo),
    references: (Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [])
      .map((ref) => stripBrackets(ref))
      .filter((ref): ref is string => Boolean(ref)),
    attachments: mail.attachments.map((attachment, position) => ({
      position,
      filename: attachment.filename ?? null,
      contentType: attachment.contentType || 'application/octet-stream',
      contentId: stripBrackets(attachment.contentId),
      content: attachment.content,
      sha256: attachment.checksum,
    })),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  const flat = objects.flatMap((object) => object.value.flatMap((entry) => (entry.group ? entry.group : [entry])));
  return flat
    .filter((entry) => entry.address && entry.address.includes('@'))
    .map((entry) => ({ email: entry.address!.trim().toLowerCase(), name: entry.name?.trim() || null }));
}

function stripBrackets(value: string | undefined): string | null {
  const trimmed = value?.trim().replace(/^<|>$/g, '');
  return trimmed ? trimmed : null;
}
