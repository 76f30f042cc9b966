import type { MailboxTab } from '@crm/contracts';

/** The Communication Center's email tabs, in the order they are shown (contracts' MAILBOX_TABS). */
const MAILBOX_TABS: readonly MailboxTab[] = ['inbox', 'suggested', 'sent', 'archived'];

export function isMailboxTab(value: string | undefined): value is MailboxTab {
  return (MAILBOX_TABS as readonly string[]).includes(value ?? '');
}
