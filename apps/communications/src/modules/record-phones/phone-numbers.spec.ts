import { ConfigError, ServiceRuntime } from '@crm/platform';
import { PhoneNumbers } from './phone-numbers';

const numbers = (settings: Record<string, string> = {}) => new PhoneNumbers({ settings } as ServiceRuntime);

describe('PhoneNumbers', () => {
  it('reads numbers without a country code in the default region, US unless configured', () => {
    expect(numbers().e164('(415) 555-0100')).toBe('+14155550100');
    expect(numbers().e164('415.555.0100')).toBe('+14155550100');
    expect(numbers({ PHONE_DEFAULT_REGION: 'GB' }).e164('020 7946 0958')).toBe('+442079460958');
  });

  it('keeps the country code of a number given with +', () => {
    expect(numbers().e164('+44 20 7946 0958')).toBe('+442079460958');
    expect(numbers({ PHONE_DEFAULT_REGION: 'GB' }).e164('+1 415 555 0100')).toBe('+14155550100');
  });

  it('refuses what cannot be a number', () => {
    for (const raw of [null, undefined, '', 'call me', '12', 'anonymous']) expect(numbers().e164(raw)).toBeNull();
  });

  it('lists distinct numbers in order', () => {
    expect(numbers().e164All(['+1 415 555 0100', null, '(415) 555-0100', 'x', '+14155550101'])).toEqual(['+14155550100', '+14155550101']);
  });

  it('stops the service on an unknown region', () => {
    expect(() => numbers({ PHONE_DEFAULT_REGION: 'XX' })).toThrow(ConfigError);
  });
});
