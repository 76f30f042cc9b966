import { Injectable } from '@nestjs/common';
import type { MailMessageReceivedEvent } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { mergeAttachments } from './attachment-merge';
import type { EmailEntity } from './entities/email.entity';
import { EmailLinksRepository } from './email-links.repository';
import { EmailFields, EmailsRepository } from './emails.repository';
import { sanitizeEmailHtml } from './html-sanitizer';

/**
 * Files a message mail-ingest parsed: one email per Message-ID and account. A later copy of the
 * same message (another BCC, the deal's address, a redelivery) adds its links and attachments
 * and changes nothing else; the first copy's content stays. Runs in the consumer's transaction.
 */
@Injectable()
export class EmailIngestService {
  constructor(
    private readonly emails: EmailsRepository,
    private readonly links: EmailLinksRepository,
  ) {}

  /** The stored email, or null when there was nothing to file it on. */
  async store(tx: Tx, event: MailMessageReceivedEvent): Promise<EmailEntity | null> {
    // BCC mail without links has nothing to be filed on; a synced mailbox's message from someone
    // who is neither lead nor contact is kept for its owner's Suggested people.
    if (event.links.length === 0 && !event.mailbox) return null;
    const { accountId } = event;
    const { email, inserted } = await this.emails.upsert(tx, accountId, fieldsOf(event));
    const added = await this.links.add(tx, accountId, email.id, event.links);
    if (inserted) return email;
    const attachments = mergeAttachments(email.attachments, event.attachments);
    if (added > 0 || attachments !== email.attachments) await this.emails.setAttachments(tx, accountId, email.id, attachments);
    return email;
  }
}

function fieldsOf(event: MailMessageReceivedEvent): EmailFields {
  return {
    message_id: event.messageId,
    ingest_id: event.ingestId,
    source: event.source ?? 'bcc',
    direction: event.direction,
    user_id: event.userId,
    forwarded: event.forwarded,
    subject: event.subject,
    text: event.text,
    html: sanitizeEmailHtml(event.html),
    body_truncated: event.bodyTruncated,
    from_address: event.from,
    to_addresses: event.to,
    cc_addresses: event.cc,
    date: new Date(event.date),
    in_reply_to: event.inReplyTo,
    reference_ids: event.references,
    attachments: mergeAttachments([], event.attachments),
  };
}
