import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * E.164 form of a phone number for matching calls and texts to leads and contacts; null when
 * the text is not a plausible number. Numbers without a country code are read as `defaultCountry`.
 */
export function toE164(raw: string | null | undefined, defaultCountry: 'US' = 'US'): string | null {
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}
