import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;
const NATS_URL = /^(nats|tls|ws|wss):\/\/[^\s,]+(,(nats|tls|ws|wss):\/\/[^\s,]+)*$/;

/** Variables every distributed service reads; the gateway needs no more. */
export class MessagingEnv {
  @Matches(NATS_URL, { message: 'must be a nats:// URL (comma-separated for a cluster)' })
  NATS_URL: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_-]*\.?$/, { message: 'letters, digits, _ and - followed by a dot' })
  NATS_SUBJECT_PREFIX = '';

  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  @IsIn(['true', 'false'])
  MIGRATE_ON_START = 'true';

  @IsOptional() @IsString()
  BCC_DOMAIN = 'bcc.localhost';

  @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';
}

/** Services that own a schema also need their database. */
export class ServiceEnv extends MessagingEnv {
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string;
}
