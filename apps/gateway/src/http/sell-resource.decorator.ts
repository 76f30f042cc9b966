import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { ApiSellErrors } from '../openapi/api-decorators';
import { QueryParamsGuard } from './query-params.guard';

/**
 * A controller of the public API: under /v2, behind the bearer token (or the web app's session
 * cookie), documented under its tag.
 * One decorator, so no resource can be added without authentication or query-parameter checks.
 */
export function SellResource(path: string, tag: string): ClassDecorator {
  return applyDecorators(Controller(`v2/${path}`), UseGuards(BearerAuthGuard, QueryParamsGuard), ApiTags(tag), ApiBearerAuth(), ApiCookieAuth('session'), ApiSellErrors(400, 401));
}
