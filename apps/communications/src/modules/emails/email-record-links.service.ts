import { Injectable } from '@nestjs/common';
import type { MailResourceType } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { EmailLinksRepository } from './email-links.repository';
import { EmailsRepository } from './emails.repository';

/**
 * Keeps email links in step with records' events (called by record-sync, in the consumer's
 * transaction). Emails are locked before their links change, in the order every writer uses,
 * and each step is idempotent: a second pass finds nothing left to move or delete.
 */
@Injectable()
export class EmailRecordLinksService {
  constructor(
    private readonly emails: EmailsRepository,
    private readonly links: EmailLinksRepository,
  ) {}

  /** A converted lead's emails now hang on its contact (not on a deal the conversion made). */
  async leadConverted(tx: Tx, accountId: number, leadId: number, contactId: number): Promise<void> {
    await this.emails.lock(tx, accountId, await this.links.emailsLinkedTo(tx, accountId, 'lead', leadId));
    const moved = await this.links.moveLeadToContact(tx, accountId, leadId, contactId);
    await this.emails.touch(tx, accountId, moved);
  }

  /** A deleted record's links go; an email left without any goes with them. */
  async recordDeleted(tx: Tx, accountId: number, type: MailResourceType, id: number): Promise<void> {
    await this.emails.lock(tx, accountId, await this.links.emailsLinkedTo(tx, accountId, type, id));
    const unlinked = [...new Set(await this.links.removeLinksTo(tx, accountId, type, id))];
    // Also locks any email linked to the record since the first lock; then sees every committed link.
    await this.emails.lock(tx, accountId, unlinked);
    const deleted = new Set(await this.emails.deleteUnlinked(tx, accountId, unlinked));
    await this.emails.touch(tx, accountId, unlinked.filter((emailId) => !deleted.has(emailId)));
  }
}
