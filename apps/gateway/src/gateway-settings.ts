import { IsOptional, IsString, MinLength } from 'class-validator';

/**
 * The gateway's settings beyond the platform's (PUBLIC_URL, ...), from the environment
 * (distributed) or the launcher (embedded).
 */
export class GatewayEnv {
  /**
   * A directory of built static files (the web app, `apps/web/dist`) served at `/`. Unset, or a
   * directory that does not exist: no web app, `/` answers 404 and the API works as ever.
   */
  @IsOptional() @IsString() @MinLength(1)
  WEB_ROOT?: string;
}

/** The names above, for copying them from the process environment into the runtime's settings. */
export const GATEWAY_SETTING_NAMES = ['WEB_ROOT'] as const;
