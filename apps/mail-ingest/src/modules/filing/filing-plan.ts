import type { EmailDirection, IngestLogEntry, MailAddress, MailboxFolderRole, UserEmailMatch } from '@crm/contracts';
import type { ForwardedOriginal } from './forwarded';
import type { ParsedMessage } from './parsed-message';

/** A message that can never be filed as it is (retrying will not help): it is kept and marked failed. */
export class UnfileableMessage extends Error {}

/** Who a message is about and how it is shown, decided from its headers and the account's users. */
export interface FilingPlan {
  direction: EmailDirection;
  userId: number | null;
  forwarded: boolean;
  subject: string | null;
  text: string | null;
  html: string | null;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  date: Date | null;
  /** External people to attach to: each one's contact is found or created (from a mailbox: only found). */
  people: MailAddress[];
  log: IngestLogEntry[];
  /** Copied from a user's synced mailbox (absent for BCC and deal addresses). */
  mailbox?: { userId: number; folder: MailboxFolderRole };
}

/** Our own addresses (BCC, deal dropboxes) are never people. */
export function ourAddresses(ourDomain: string): (email: string) => boolean {
  const suffix = `@${ourDomain.toLowerCase()}`;
  return (email) => email.endsWith(suffix);
}

/**
 * The people among `candidates` a message can be filed on: not our own addresses, each once,
 * and never a colleague (a user of the account; logged as skipped).
 */
export function externalPeople(
  candidates: MailAddress[],
  users: Map<string, UserEmailMatch>,
  ours: (email: string) => boolean,
  log: IngestLogEntry[],
): MailAddress[] {
  const chosen = new Map<string, MailAddress>();
  for (const person of candidates) {
    if (ours(person.email) || chosen.has(person.email)) continue;
    const colleague = users.get(person.email);
    if (colleague) {
      log.push({ action: 'skipped', email: person.email, resource_type: 'user', resource_id: colleague.id, reason: 'a colleague: users never become contacts' });
      continue;
    }
    chosen.set(person.email, person);
  }
  return [...chosen.values()];
}

/**
 * The rules of DESIGN.md "BCC ingest": sent by a user → every external To/Cc person; forwarded by
 * a user → the original sender; otherwise → the sender. Colleagues (users) never become contacts
 * and never stop the others from being filed. Our own addresses (BCC, deal) are never people.
 * `original` is the unwrapped forward, if the body holds one (used only when a user sent it).
 */
export function planFiling(
  message: ParsedMessage,
  original: ForwardedOriginal | null,
  users: Map<string, UserEmailMatch>,
  ourDomain: string,
): FilingPlan {
  const sender = message.from;
  if (!sender) throw new UnfileableMessage('the message has no sender address (From)');
  const ours = ourAddresses(ourDomain);
  const log: IngestLogEntry[] = [];
  const base = { subject: message.subject, text: message.text, html: message.html, from: sender, to: message.to, cc: message.cc, date: message.date };
  const senderUser = users.get(sender.email);
  const externals = (candidates: MailAddress[]) => externalPeople(candidates, users, ours, log);

  if (!senderUser) {
    log.push({ action: 'resolved', email: sender.email, reason: 'not sent by a user: filed under its sender' });
    return { ...base, direction: 'received', userId: null, forwarded: false, people: externals([sender]), log };
  }

  if (original && !ours(original.from.email)) {
    log.push({
      action: 'unwrapped',
      email: original.from.email,
      reason: `forwarded by user ${senderUser.email}: filed as the original message from ${original.from.email}`,
    });
    const fields = {
      subject: original.subject ?? message.subject,
      text: original.body,
      html: null,
      from: original.from,
      to: original.to,
      cc: original.cc,
      date: original.date ?? message.date,
    };
    const originalByColleague = users.has(original.from.email);
    const people = originalByColleague ? externals([...original.to, ...original.cc]) : externals([original.from]);
    return { ...fields, direction: originalByColleague ? 'sent' : 'received', userId: senderUser.id, forwarded: true, people, log };
  }

  log.push({ action: 'resolved', email: sender.email, resource_type: 'user', resource_id: senderUser.id, reason: 'sent by a user: filed under every external To/Cc person' });
  return { ...base, direction: 'sent', userId: senderUser.id, forwarded: false, people: externals([...message.to, ...message.cc]), log };
}
