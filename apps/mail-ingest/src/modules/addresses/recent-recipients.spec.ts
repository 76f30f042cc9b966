import { RecentRecipients } from './recent-recipients';

describe('RecentRecipients', () => {
  const target = { accountId: 7, dealId: null };
  let clock = 0;
  const recipients = () => new RecentRecipients(() => clock);

  beforeEach(() => (clock = 1_000_000));

  it('remembers a found address for a second', () => {
    const recent = recipients();
    recent.remember('abc', target, null);
    clock += 999;
    expect(recent.get('abc')).toEqual(target);
    clock += 1;
    expect(recent.get('abc')).toBeUndefined();
  });

  it("never past the address's own expiry", () => {
    const recent = recipients();
    recent.remember('old', target, new Date(clock + 300));
    clock += 299;
    expect(recent.get('old')).toEqual(target);
    clock += 1;
    expect(recent.get('old')).toBeUndefined();
  });

  it('forgets everything when told to', () => {
    const recent = recipients();
    recent.remember('abc', target, null);
    recent.forgetAll();
    expect(recent.get('abc')).toBeUndefined();
  });

  it('knows nothing it was not told', () => {
    expect(recipients().get('unknown')).toBeUndefined();
  });
});
