import { RecentRawMessages } from './recent-raw-messages';

describe('RecentRawMessages', () => {
  it('hands out each stored message once', () => {
    const recent = new RecentRawMessages(1000);
    recent.remember(['1', '2'], Buffer.from('same bytes for two accounts'));
    const first = recent.take(['1', '3']);
    expect([...first.keys()]).toEqual(['1']);
    expect(first.get('1')!.toString()).toBe('same bytes for two accounts');
    expect(recent.take(['1']).size).toBe(0);
    expect(recent.take(['2']).size).toBe(1);
  });

  it('keeps nothing new once the budget is used, and makes room as messages are taken', () => {
    const recent = new RecentRawMessages(10);
    recent.remember(['1'], Buffer.alloc(6));
    recent.remember(['2'], Buffer.alloc(6));
    expect(recent.take(['2']).size).toBe(0);
    expect(recent.take(['1']).size).toBe(1);
    recent.remember(['3'], Buffer.alloc(6));
    expect(recent.take(['3']).size).toBe(1);
  });
});
