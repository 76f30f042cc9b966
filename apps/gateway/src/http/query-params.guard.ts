import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import { ApiSellList } from '../openapi/api-decorators';
import { PageUrls, SellType } from './envelopes';
import type { GatewayRequest } from './gateway-request';
import { ListSpec, parseListQuery, searchParamsOf } from './list-query';

const LIST_SPEC = 'gateway:list-spec';

/**
 * A list route: the parameters it accepts, and their documentation from the same spec, so the
 * two cannot disagree. The parsed list is read with `@SellList()`.
 */
export function ListRoute(summary: string, type: SellType, data: SchemaObject, spec: ListSpec): MethodDecorator {
  return applyDecorators(SetMetadata(LIST_SPEC, spec), ApiSellList(summary, type, data, spec));
}

/**
 * Sell refuses any query parameter it does not know (`GET /users/self?unknown=param` is a 400).
 * List routes accept what their spec names; every other route accepts none. Runs after the
 * bearer guard, so an unauthenticated request gets its 401 first.
 */
@Injectable()
export class QueryParamsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const params = searchParamsOf(request.originalUrl);
    const spec = this.reflector.get<ListSpec | undefined>(LIST_SPEC, context.getHandler());
    if (spec) {
      const query = parseListQuery(params, spec);
      request.list = { query, urls: PageUrls.of(request.context?.publicBaseUrl ?? '', request.originalUrl) };
      return true;
    }
    const names = [...new Set(params.keys())];
    if (names.length > 0) {
      throw new DomainError(
        400,
        names.map((name) => ({ field: `/${name}`, code: 'invalid_param' as const, message: `${name}: unknown parameter` })),
      );
    }
    return true;
  }
}
