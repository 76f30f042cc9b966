import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

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

  /**
   * Encrypts synced mailboxes' passwords at rest (AES-256-GCM): 32 bytes as 64 hex digits or
   * base64. Without it no mailbox can be connected (the launcher keeps one in DATA_DIR/mailbox-key).
   */
  @IsOptional() @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{43})$/, { message: 'must be 32 bytes: 64 hex digits or base64' })
  MAILBOX_ENCRYPTION_KEY?: string;

  /** How often an up-to-date mailbox is checked for new messages. */
  @Type(() => Number) @IsInt() @Min(1)
  MAILBOX_POLL_SECONDS: number = 30;

  /** Messages fetched and stored per transaction: a crash resumes after the last stored batch. */
  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  MAILBOX_BATCH_SIZE: number = 200;

  /** Mailboxes synced at once by one replica. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  MAILBOX_SYNC_CONCURRENCY: number = 4;

  /** After a failed attempt (server down, bad credentials) the next waits base × 2^(failures-1), at most max. */
  @Type(() => Number) @IsInt() @Min(1)
  MAILBOX_RETRY_BASE_SECONDS: number = 30;

  @Type(() => Number) @IsInt() @Min(1)
  MAILBOX_RETRY_MAX_SECONDS: number = 3600;
}

export const MAIL_INGEST_SETTINGS = Symbol('MAIL_INGEST_SETTINGS');

/** The names above, for copying them from the process environment into the runtime's settings. */
export const MAIL_INGEST_SETTING_NAMES = Object.keys(new MailIngestEnv()).concat(['SMTP_TLS_KEY_FILE', 'SMTP_TLS_CERT_FILE', 'MAILBOX_ENCRYPTION_KEY']);
