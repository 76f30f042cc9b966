import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** `npm start`: everything optional; without DATABASE_URL and NATS_URL nothing needs installing. */
export class EmbeddedEnv {
  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  SMTP_PORT: number = 2525;

  @IsString()
  DATA_DIR = './data';

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Matches(/^(nats|tls|ws|wss):\/\/\S+$/, { message: 'must be a nats:// URL' })
  NATS_URL?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_-]*\.?$/, { message: 'letters, digits, _ and - followed by a dot' })
  NATS_SUBJECT_PREFIX = '';

  @IsString()
  BCC_DOMAIN = 'bcc.localhost';

  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'warn';

  @Type(() => Number) @IsInt() @Min(1) @Max(50)
  DATABASE_POOL_SIZE: number = 4;

  @IsString()
  ADMIN_EMAIL = 'admin@example.com';

  @IsString()
  ACCOUNT_NAME = 'My company';
}
