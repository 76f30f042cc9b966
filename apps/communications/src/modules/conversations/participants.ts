import type { MailAddress } from '@crm/contracts';

export interface AddressedEmail {
  from_address: MailAddress | null;
  to_addresses: MailAddress[];
  cc_addresses: MailAddress[];
}

/** The lower-cased From, To and Cc addresses of an email, each once, sorted. */
export function participantsOf(email: AddressedEmail): string[] {
  const addresses = [email.from_address, ...email.to_addresses, ...email.cc_addresses]
    .map((address) => address?.email.trim().toLowerCase() ?? '')
    .filter((address) => address !== '');
  return [...new Set(addresses)].sort();
}

/**
 * Two emails with the same subject belong together when they share enough people: at least two
 * addresses (a reply is between the same two people; two customers who each wrote to sales@
 * share only one), or every address of a side that has fewer than two.
 */
export function enoughShared(shared: number, a: number, b: number): boolean {
  return shared >= Math.max(1, Math.min(2, a, b));
}
