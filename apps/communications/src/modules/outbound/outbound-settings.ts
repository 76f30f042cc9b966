import { IsOptional, IsString, Matches } from 'class-validator';

/**
 * What outbound email reads from the runtime's settings (the environment when distributed, the
 * launcher when embedded). Without SMTP_RELAY_URL mail is stored and queued but not sent.
 */
export class OutboundEnv {
  /** e.g. smtp://user:pass@smtp.example.com:587 (STARTTLS when offered) or smtps://…:465 */
  @IsOptional() @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587' })
  SMTP_RELAY_URL?: string;

  /** The tracking pixel's base URL: where recipients' mail clients reach the gateway. */
  @Matches(/^https?:\/\/[^\s/]+/, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** The domain of generated Message-IDs; PUBLIC_URL's host when unset. */
  @IsOptional() @IsString()
  BCC_DOMAIN?: string;
}

export const OUTBOUND_SETTINGS = Symbol('OUTBOUND_SETTINGS');

/** Settings only outbound email reads: copied from the process environment into the runtime's settings. */
export const OUTBOUND_SETTING_NAMES = ['SMTP_RELAY_URL'] as const;

/** Until a relay is configured, queued mail says why it waits. */
export const NO_RELAY_ERROR = 'no SMTP relay configured';
