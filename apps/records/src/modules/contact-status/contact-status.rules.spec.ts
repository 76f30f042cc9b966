import type { DealTally } from './contact-status.repository';
import { deriveStatuses } from './contact-status.rules';

const tally = (overrides: Partial<DealTally>): DealTally => ({
  contact_id: 1,
  customer_status: 'none',
  prospect_status: 'none',
  deals: 0,
  won: 0,
  active: 0,
  lost: 0,
  ...overrides,
});

describe('deriveStatuses', () => {
  it('no deals: non-customer, not a prospect', () => {
    expect(deriveStatuses(tally({ customer_status: 'current', prospect_status: 'current' }), false)).toEqual({
      customer_status: 'none',
      prospect_status: 'none',
    });
  });

  it('an open deal makes a prospect; all lost or unqualified makes a lost prospect', () => {
    expect(deriveStatuses(tally({ deals: 2, active: 1, lost: 1 }), false).prospect_status).toBe('current');
    expect(deriveStatuses(tally({ deals: 2, lost: 2 }), false).prospect_status).toBe('lost');
    expect(deriveStatuses(tally({ deals: 2, won: 1, lost: 1 }), false).prospect_status).toBe('none');
  });

  it('a won deal makes a customer; past stays past until another win', () => {
    expect(deriveStatuses(tally({ deals: 1, won: 1 }), true).customer_status).toBe('current');
    expect(deriveStatuses(tally({ deals: 2, won: 1, active: 1, customer_status: 'past' }), false).customer_status).toBe('past');
    expect(deriveStatuses(tally({ deals: 2, won: 2, customer_status: 'past' }), true).customer_status).toBe('current');
  });
});
