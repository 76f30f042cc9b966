import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** The mail-ingest settings, from the environment (distributed) or the launcher (embedded). */
export class MailIngestEnv {
  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  SMTP_PORT: number = 2525;

  @IsString()
  BCC_DOMAIN = 'bcc.localhost';

  /** How long a replaced global BCC address keeps working (default 7 days). */
  @Type(() => Number) @IsInt() @Min(0)
  BCC_GRACE_PERIOD_SECONDS: number = 7 * 24 * 3600;

  /** Advertised with SIZE; larger messages get 552 (default 25 MiB). */
  @Type(() => Number) @IsInt() @Min(1024)
  SMTP_MAX_MESSAGE_BYTES: number = 25 * 1024 * 1024;

  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  SMTP_MAX_RECIPIENTS: number = 50;

  @Type(() => Number) @IsInt() @Min(1)
  SMTP_MAX_CONNECTIONS: number = 500;

  /** PEM files; with both set the server offers STARTTLS. */
  @IsOptional() @IsString()
  SMTP_TLS_KEY_FILE?: string;

  @IsOptional() @IsString()
  SMTP_TLS_CERT_FILE?: string;
}

export const MAIL_INGEST_SETTINGS = Symbol('MAIL_INGEST_SETTINGS');

/** The names above, for copying them from the process environment into the runtime's settings. */
export const MAIL_INGEST_SETTING_NAMES = Object.keys(new MailIngestEnv()).concat(['SMTP_TLS_KEY_FILE', 'SMTP_TLS_CERT_FILE']);
