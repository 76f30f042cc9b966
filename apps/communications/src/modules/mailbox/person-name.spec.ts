import { personNameOf } from './person-name';

describe('personNameOf', () => {
  it('splits a display name into first and last name', () => {
    expect(personNameOf('Pat Customer', 'pat@x.example')).toEqual({ first_name: 'Pat', last_name: 'Customer' });
    expect(personNameOf('Anna van der Berg', 'a@x.example')).toEqual({ first_name: 'Anna', last_name: 'van der Berg' });
    expect(personNameOf('Customer, Pat', 'pat@x.example')).toEqual({ first_name: 'Pat', last_name: 'Customer' });
    expect(personNameOf('  "Madonna"  ', 'm@x.example')).toEqual({ last_name: 'Madonna' });
  });

  it("uses the address's local part when there is no name", () => {
    expect(personNameOf(null, 'pat.customer@x.example')).toEqual({ last_name: 'pat.customer' });
    expect(personNameOf('   ', 'pat@x.example')).toEqual({ last_name: 'pat' });
    expect(personNameOf('pat@x.example', 'pat@x.example')).toEqual({ last_name: 'pat' });
  });

  it('keeps names within the records limit', () => {
    expect(personNameOf(`A ${'b'.repeat(300)}`, 'a@x.example').last_name).toHaveLength(255);
  });
});
