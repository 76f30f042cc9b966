import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME, loadEnv, ServiceRuntime } from '@crm/platform';
import { IsIn } from 'class-validator';
import { CountryCode, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js';

/** What number handling reads from the runtime's settings. */
export class PhoneNumberEnv {
  /** Region of numbers written without a country code (a record's "(415) 555-0100"). */
  @IsIn(getCountries(), { message: 'must be a region code libphonenumber knows, e.g. US or GB' })
  PHONE_DEFAULT_REGION: CountryCode = 'US';
}

/** Setting names copied from the process environment into the runtime's settings (distributed mode). */
export const PHONE_NUMBER_SETTING_NAMES = ['PHONE_DEFAULT_REGION'] as const;

/**
 * Numbers are stored and compared in E.164. A number given with `+` keeps its own country code;
 * one without is read in the default region. Checked when the service starts: a bad region stops it.
 */
@Injectable()
export class PhoneNumbers {
  private readonly defaultRegion: CountryCode;

  constructor(@Inject(RUNTIME) runtime: ServiceRuntime) {
    this.defaultRegion = loadEnv(PhoneNumberEnv, runtime.settings).PHONE_DEFAULT_REGION;
  }

  /** The E.164 form, or null when the text cannot be a phone number. */
  e164(raw: string | null | undefined): string | null {
    if (!raw) return null;
    const parsed = parsePhoneNumberFromString(raw, this.defaultRegion);
    return parsed?.isPossible() ? parsed.number : null;
  }

  /** Every distinct E.164 number among `raws`, in order. */
  e164All(raws: (string | null | undefined)[]): string[] {
    return [...new Set(raws.map((raw) => this.e164(raw)).filter((n): n is string => n !== null))];
  }
}
