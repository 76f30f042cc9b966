import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Digits with the usual separators, optionally after a +; nothing else (no `whatsapp:`, no letters). */
const PHONE_TEXT = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*$/;

/**
 * E.164 form of a number as people write it, or null. Without a country code the number is read
 * as `defaultCountry` (the country of the user's Twilio number); plausibility as records checks
 * it (`isPossible`), so both services agree on a lead's number.
 */
export function toE164(raw: string | null | undefined, defaultCountry?: CountryCode): string | null {
  const text = raw?.trim();
  if (!text || !PHONE_TEXT.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text, defaultCountry ? { defaultCountry } : undefined);
  return parsed?.isPossible() ? parsed.number : null;
}

/** A Twilio number to assign: written with its country code and valid for its country. */
export function twilioNumberE164(raw: string): string | null {
  const text = raw.trim();
  if (!text.startsWith('+') || !PHONE_TEXT.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text);
  return parsed?.isValid() ? parsed.number : null;
}

/** The country of an E.164 number, to read national numbers the user writes. */
export function countryOf(e164: string): CountryCode | undefined {
  return parsePhoneNumberFromString(e164)?.country;
}
