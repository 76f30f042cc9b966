import type { IngestLogEntry, MailboxFolderRole, UserEmailMatch } from '@crm/contracts';
import { externalPeople, FilingPlan, ourAddresses, UnfileableMessage } from './filing-plan';
import type { ParsedMessage } from './parsed-message';

/**
 * Mail copied from a user's synced mailbox: from INBOX it is about its sender, from the sent
 * folder about every external To/Cc person; colleagues are skipped as for BCC. Unlike BCC,
 * nothing is unwrapped and no contact is ever created: the people are only looked up among
 * leads and contacts, and those who are neither feed the user's Suggested people.
 */
export function planMailboxFiling(
  message: ParsedMessage,
  mailbox: { userId: number; folder: MailboxFolderRole },
  users: Map<string, UserEmailMatch>,
  ourDomain: string,
): FilingPlan {
  const sender = message.from;
  if (!sender) throw new UnfileableMessage('the message has no sender address (From)');
  const log: IngestLogEntry[] = [];
  const base = { subject: message.subject, text: message.text, html: message.html, from: sender, to: message.to, cc: message.cc, date: message.date, forwarded: false, mailbox };
  const ours = ourAddresses(ourDomain);
  if (mailbox.folder === 'inbox') {
    log.push({
      action: 'resolved',
      email: sender.email,
      reason: `copied from user ${mailbox.userId}'s mailbox (inbox): filed under its sender, on existing leads and contacts only`,
    });
    return { ...base, direction: 'received', userId: null, people: externalPeople([sender], users, ours, log), log };
  }
  log.push({
    action: 'resolved',
    resource_type: 'user',
    resource_id: mailbox.userId,
    reason: `copied from user ${mailbox.userId}'s mailbox (sent): filed under every external To/Cc person, on existing leads and contacts only`,
  });
  return { ...base, direction: 'sent', userId: mailbox.userId, people: externalPeople([...message.to, ...message.cc], users, ours, log), log };
}
