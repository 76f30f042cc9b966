import { Injectable } from '@nestjs/common';
import type { MailboxFolder, MailMessageReceivedEvent } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import type { EmailEntity } from '../emails/entities/email.entity';
import { MailboxEntriesRepository, NewMailboxEntry } from './mailbox-entries.repository';

/**
 * Whose Communication Center a received message belongs to: a synced mailbox's owner, in the
 * folder it was synced from; or the user who Bcc'd or forwarded it to the CRM (Sent when they
 * sent it, Inbox when they forwarded what they received). Other BCC mail (a customer writing to
 * a deal's address) is on its records only.
 */
export function mailboxOwnerOf(event: MailMessageReceivedEvent): { userId: number; folder: MailboxFolder } | null {
  if (event.mailbox) return { userId: event.mailbox.userId, folder: event.mailbox.folder };
  if (event.userId !== null) return { userId: event.userId, folder: event.direction === 'sent' ? 'sent' : 'inbox' };
  return null;
}

/** Puts filed messages in their owner's mailbox, in the consumer's transaction. */
@Injectable()
export class MailboxFilingService {
  constructor(private readonly entries: MailboxEntriesRepository) {}

  /**
   * `emails`: the stored email of each event, in order, or null where none was stored (a later
   * copy of a message keeps the first copy's sender and date). One statement for them all.
   */
  async fileMany(tx: Tx, events: MailMessageReceivedEvent[], emails: (EmailEntity | null)[]): Promise<void> {
    const entries: (NewMailboxEntry & { accountId: number })[] = [];
    for (const [i, event] of events.entries()) {
      const owner = mailboxOwnerOf(event);
      const email = emails[i];
      if (!owner || !email) continue;
      entries.push({
        accountId: event.accountId,
        userId: owner.userId,
        emailId: email.id,
        folder: owner.folder,
        senderEmail: email.from_address?.email.trim().toLowerCase() || null,
        date: email.date,
        read: owner.folder === 'sent',
      });
    }
    await this.entries.addMany(tx, entries);
  }
}
