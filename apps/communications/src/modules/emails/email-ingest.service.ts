import { Injectable } from '@nestjs/common';
import type { MailMessageReceivedEvent } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { mergeAttachments } from './attachment-merge';
import type { EmailEntity } from './entities/email.entity';
import { EmailLinksRepository } from './email-links.repository';
import { EmailFields, EmailsRepository } from './emails.repository';
import { sanitizeEmailHtml } from './html-sanitizer';

/**
 * Files the messages mail-ingest parsed: one email per Message-ID and account. A later copy of the
 * same message (another BCC, the deal's address, a redelivery) adds its links and attachments
 * and changes nothing else; the first copy's content stays. Runs in the consumer's transaction,
 * a batch of events at a time with one statement per table (and one more per email that gained
 * attachments or links as a later copy).
 */
@Injectable()
export class EmailIngestService {
  constructor(
    private readonly emails: EmailsRepository,
    private readonly links: EmailLinksRepository,
  ) {}

  /** The stored email of each event, in order; null where there was nothing to file it on. */
  async storeMany(tx: Tx, events: MailMessageReceivedEvent[]): Promise<(EmailEntity | null)[]> {
    // BCC mail without links has nothing to be filed on; a synced mailbox's message from someone
    // who is neither lead nor contact is kept for its owner's Suggested people.
    const copies = new Map<string, MailMessageReceivedEvent[]>();
    for (const event of events) {
      if (event.links.length === 0 && !event.mailbox) continue;
      const key = `${event.accountId} ${event.messageId}`;
      const known = copies.get(key);
      if (known) known.push(event);
      else copies.set(key, [event]);
    }
    const messages = [...copies.values()];
    const stored = await this.emails.upsertMany(tx, messages.map(([first]) => ({ accountId: first.accountId, fields: fieldsOf(first) })));
    const added = await this.links.addMany(
      tx,
      messages.flatMap((message, i) => message.flatMap((event) => event.links.map((link) => ({ ...link, accountId: event.accountId, emailId: stored[i].email.id })))),
    );
    const byKey = new Map<string, EmailEntity>();
    for (const [i, message] of messages.entries()) {
      const { email, inserted } = stored[i];
      // A new email has its first copy's attachments; every other copy may add some.
      const attachments = (inserted ? message.slice(1) : message).reduce((merged, event) => mergeAttachments(merged, event.attachments), email.attachments);
      if (attachments !== email.attachments || (!inserted && (added.get(email.id) ?? 0) > 0)) {
        await this.emails.setAttachments(tx, email.account_id, email.id, attachments);
        email.attachments = attachments;
      }
      byKey.set(`${email.account_id} ${email.message_id}`, email);
    }
    return events.map((event) => byKey.get(`${event.accountId} ${event.messageId}`) ?? null);
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
