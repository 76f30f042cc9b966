import type { DealTally } from './contact-status.repository';

/**
 * The glossary's rules. Customer: a won deal makes a contact a current customer; a user may mark
 * a customer as past by hand, which a later win undoes; with no won deal left, a non-customer.
 * Prospect: any deal still open makes a current prospect; when every deal is lost or unqualified,
 * a lost prospect; otherwise (no deals, or only won ones) none.
 */
export function deriveStatuses(tally: DealTally, newlyWon: boolean): Pick<DealTally, 'customer_status' | 'prospect_status'> {
  let customer: DealTally['customer_status'] = 'none';
  if (tally.won > 0) customer = tally.customer_status === 'past' && !newlyWon ? 'past' : 'current';
  let prospect: DealTally['prospect_status'] = 'none';
  if (tally.active > 0) prospect = 'current';
  else if (tally.deals > 0 && tally.lost === tally.deals) prospect = 'lost';
  return { customer_status: customer, prospect_status: prospect };
}
