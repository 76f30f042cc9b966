import { personName } from './person-name';

describe('personName', () => {
  it('takes the last word as the last name', () => {
    expect(personName('Jane Q. Doe', 'jane@example.com')).toEqual({ first_name: 'Jane Q.', last_name: 'Doe' });
    expect(personName('  "Jane   Doe" ', 'jane@example.com')).toEqual({ first_name: 'Jane', last_name: 'Doe' });
  });

  it('reads "Last, First"', () => {
    expect(personName('Doe, Jane', 'jane@example.com')).toEqual({ first_name: 'Jane', last_name: 'Doe' });
  });

  it('uses a single word as the last name', () => {
    expect(personName('Prince', 'p@example.com')).toEqual({ first_name: null, last_name: 'Prince' });
  });

  it("falls back to the address's local part without a usable name", () => {
    expect(personName(null, 'jane.doe+news@example.com')).toEqual({ first_name: null, last_name: 'jane.doe+news' });
    expect(personName('  ', 'jane@example.com')).toEqual({ first_name: null, last_name: 'jane' });
    expect(personName('jane@example.com', 'jane@example.com')).toEqual({ first_name: null, last_name: 'jane' });
  });
});
