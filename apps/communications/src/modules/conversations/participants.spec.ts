import { enoughShared, participantsOf } from './participants';

describe('participants', () => {
  it('lists From, To and Cc lower-cased, once each, sorted', () => {
    expect(
      participantsOf({
        from_address: { email: ' Pat@Customer.example ', name: 'Pat' },
        to_addresses: [{ email: 'sales@crm.example', name: null }, { email: 'pat@customer.example', name: null }],
        cc_addresses: [{ email: 'Boss@Customer.example', name: null }, { email: '', name: null }],
      }),
    ).toEqual(['boss@customer.example', 'pat@customer.example', 'sales@crm.example']);
    expect(participantsOf({ from_address: null, to_addresses: [], cc_addresses: [] })).toEqual([]);
  });

  it('wants two shared addresses, or all of a side with fewer, and never none', () => {
    expect(enoughShared(2, 2, 5)).toBe(true);
    expect(enoughShared(1, 2, 2)).toBe(false); // two customers who each wrote to sales@
    expect(enoughShared(1, 1, 3)).toBe(true); // a one-address email whose address is on the other side
    expect(enoughShared(0, 0, 3)).toBe(false);
    expect(enoughShared(0, 0, 0)).toBe(false);
  });
});
