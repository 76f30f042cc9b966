import type { Tx } from '@crm/platform';
import { EmailLinkEntity } from '../emails/entities/email-link.entity';
import { EmailEntity } from '../emails/entities/email.entity';
import { tableOf } from '../emails/table-name';

/**
 * Schema-qualified names of the tables the Communication Center's SQL reads. Mailbox entries,
 * ignored senders and open tracking are only ever read and written with hand-written SQL, so
 * they have no entity: their names come from the service's schema.
 */
export function mailboxTables(tx: Tx) {
  const schema = `"${tx.manager.connection.driver.schema}"`;
  return {
    entries: `${schema}.mailbox_entries`,
    /** Per user: each tab's size (kept by triggers, migrations 1700000000310 and 1700000000410). */
    counters: `${schema}.mailbox_counters`,
    /** Per user and sender: their Suggested people messages, and whether the user ignores them (kept by triggers). */
    senders: `${schema}.mailbox_senders`,
    ignored: `${schema}.ignored_senders`,
    tracking: `${schema}.email_tracking`,
    emails: tableOf(tx, EmailEntity),
    links: tableOf(tx, EmailLinkEntity),
  };
}

/** The lower-cased To and Cc addresses of `emails` row `alias`: the expression of the emails_recipient_addresses index. */
export function recipientAddresses(alias: string): string {
  return `lower(jsonb_path_query_array(${alias}.to_addresses || ${alias}.cc_addresses, '$[*].email')::text)::jsonb`;
}

/** The lower-cased From address of `emails` row `alias`: the expression of the emails_sender_address index. */
export function senderAddress(alias: string): string {
  return `lower(${alias}.from_address ->> 'email')`;
}
