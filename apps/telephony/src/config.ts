import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/**
 * The telephony settings, from the environment (distributed) or the launcher (embedded). Without
 * Twilio credentials the service still runs: numbers can be managed, but nothing is sent and every
 * webhook is refused. The auth token is never logged, and never shown in a configuration error
 * (only its absence can fail validation, so the message never carries its value).
 */
export class TelephonyEnv {
  @ValidateIf((env: TelephonyEnv) => env.TWILIO_ACCOUNT_SID !== undefined || env.TWILIO_AUTH_TOKEN !== undefined)
  @Matches(/^AC[0-9a-f]{32}$/, { message: 'must be a Twilio account SID: AC followed by 32 lowercase hex digits (required with TWILIO_AUTH_TOKEN)' })
  TWILIO_ACCOUNT_SID?: string;

  @ValidateIf((env: TelephonyEnv) => env.TWILIO_ACCOUNT_SID !== undefined)
  @IsDefined({ message: 'is required with TWILIO_ACCOUNT_SID' }) @IsString()
  TWILIO_AUTH_TOKEN?: string;

  /** Send every Twilio API request here instead (a mock such as Prism, or a proxy). */
  @IsOptional() @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'must be an http(s) URL' })
  TWILIO_API_BASE_URL?: string;

  /** Where Twilio calls the webhooks: `${PUBLIC_URL}/webhooks/twilio/...`. */
  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** How long an inbound call rings the user's own phone before it goes to voicemail. */
  @Type(() => Number) @IsInt() @Min(5) @Max(600)
  TWILIO_RING_SECONDS: number = 20;

  @Type(() => Number) @IsInt() @Min(5) @Max(3600)
  TWILIO_VOICEMAIL_MAX_SECONDS: number = 120;

  @IsString() @MaxLength(500)
  TWILIO_VOICEMAIL_GREETING = 'Sorry, nobody can take your call right now. Please leave a message after the tone.';
}

export const TELEPHONY_SETTINGS = Symbol('TELEPHONY_SETTINGS');

/** The names above, for copying them from the process environment into the runtime's settings. */
export const TELEPHONY_SETTING_NAMES = Object.keys(new TelephonyEnv()).concat(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_BASE_URL']);

/** Twilio credentials, when configured. */
export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

export function twilioCredentials(env: TelephonyEnv): TwilioCredentials | null {
  return env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN } : null;
}

/** `${PUBLIC_URL}/webhooks/twilio/<kind>` with its query, as Twilio will call (and sign) it. */
export function webhookUrl(env: TelephonyEnv, kind: 'sms' | 'voice' | 'status' | 'recording', query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${env.PUBLIC_URL.replace(/\/+$/, '')}/webhooks/twilio/${kind}${search ? `?${search}` : ''}`;
}
