import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainError, MailAddress, SentEmailDto } from '@crm/contracts';
import type { Tx } from '@crm/platform';
import { EmailLinksRepository } from '../../emails/email-links.repository';
import { toEmailDto } from '../../emails/emails.mapper';
import { EmailsRepository } from '../../emails/emails.repository';
import type { EmailEntity } from '../../emails/entities/email.entity';
import { MailboxEntriesRepository } from '../../mailbox/mailbox-entries.repository';
import { RecordOwnersRepository } from '../../record-owners/record-owners.repository';
import type { ViewerScope } from '../../records-access/records-access.service';
import { NO_RELAY_ERROR, OUTBOUND_SETTINGS, OutboundEnv } from '../outbound-settings';
import { toDeliveryFields } from '../tracking/email-tracking.mapper';
import { EmailTrackingRepository } from '../tracking/email-tracking.repository';
import { newTrackingToken } from '../tracking/tracking-token';
import type { ComposedEmail } from './compose-input';
import { newMessageId } from './message-id';
import { OutboundEmailsRepository } from './outbound-emails.repository';
import type { ResolvedRecipient } from './recipient-resolver';

/** Everything other services said about a composed email: who sends it, to whom. */
export interface AddressedEmail {
  composed: ComposedEmail;
  sender: MailAddress;
  recipients: ResolvedRecipient[];
  /** Whose emails the sender may see: `in_reply_to` must be one of them. */
  viewer: ViewerScope;
}

/** A reply's References: the parent's, then the parent; long chains keep their newest ids. */
const MAX_REFERENCES = 50;

/**
 * Stores a composed email in the caller's transaction: the email (sent, from the CRM), its links
 * to the records, the sender's Sent entry and the delivery row the worker picks up.
 */
@Injectable()
export class SentEmailRecorder {
  constructor(
    private readonly emails: EmailsRepository,
    private readonly links: EmailLinksRepository,
    private readonly owners: RecordOwnersRepository,
    private readonly outbound: OutboundEmailsRepository,
    private readonly tracking: EmailTrackingRepository,
    private readonly mailbox: MailboxEntriesRepository,
    @Inject(OUTBOUND_SETTINGS) private readonly settings: OutboundEnv,
  ) {}

  async record(tx: Tx, actor: Actor, email: AddressedEmail): Promise<SentEmailDto> {
    const { accountId, userId } = actor;
    const { composed, sender, recipients } = email;
    const parent = composed.inReplyTo === null ? null : await this.parent(tx, accountId, email.viewer, composed.inReplyTo);
    const to = uniqueAddresses(recipients.map((recipient) => recipient.address));
    const emailId = await this.outbound.insert(tx, accountId, {
      message_id: newMessageId(this.settings),
      user_id: userId,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      from_address: sender,
      to_addresses: to,
      cc_addresses: uniqueAddresses(composed.cc.map((cc) => ({ email: cc, name: null })), to),
      in_reply_to: parent?.message_id ?? null,
      reference_ids: parent ? [...new Set([...parent.reference_ids, parent.message_id])].slice(-MAX_REFERENCES) : [],
    });
    await this.links.add(tx, accountId, emailId, recipients.map((recipient) => recipient.link));
    for (const { link, ownerId } of recipients) {
      await this.owners.rememberIfMissing(tx, accountId, link.resource_type, link.resource_id, ownerId);
    }
    const stored = (await this.emails.find(tx, accountId, emailId, null))!;
    await this.mailbox.add(tx, accountId, { userId, emailId, folder: 'sent', senderEmail: sender.email.toLowerCase(), date: stored.date, read: true });
    const tracking = await this.tracking.insert(tx, accountId, emailId, newTrackingToken(), this.settings.SMTP_RELAY_URL ? null : NO_RELAY_ERROR);

    const links = await this.links.forEmails(tx, accountId, [emailId]);
    return { ...toEmailDto(stored, links.get(emailId) ?? []), ...toDeliveryFields(tracking) };
  }

  /** The email answered: one the sender may see, else 404 as for a missing one. */
  private async parent(tx: Tx, accountId: number, viewer: ViewerScope, id: number): Promise<EmailEntity> {
    const parent = await this.emails.find(tx, accountId, id, viewer);
    if (!parent) throw DomainError.notFound('email', id);
    return parent;
  }
}

/** One entry per address (case-insensitive), first name given wins; none of `except`. */
function uniqueAddresses(addresses: MailAddress[], except: MailAddress[] = []): MailAddress[] {
  const seen = new Set(except.map((address) => address.email.toLowerCase()));
  return addresses.filter((address) => {
    const key = address.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
