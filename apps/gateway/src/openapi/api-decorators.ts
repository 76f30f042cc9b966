import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_SEARCH_LENGTH, MIN_SEARCH_LENGTH } from '@crm/contracts';
import type { SellType } from '../http/envelopes';
import type { FilterKind, ListSpec } from '../http/list-query';
import { ERRORS_MORE_INFO } from '../http/sell-errors';
import { attributeSchema } from './attribute-schema';

const LINK = { type: 'string', format: 'uri' } as const;

export const ERROR_ENVELOPE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              resource: { type: 'string' },
              field: { type: 'string', example: '/first_name' },
              code: { type: 'string', example: 'invalid' },
              message: { type: 'string' },
              details: { type: 'string' },
            },
          },
          meta: { type: 'object', example: { type: 'error', links: { more_info: ERRORS_MORE_INFO } } },
        },
      },
    },
    meta: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['errors'] },
        http_status: { type: 'string', example: '422 Unprocessable Entity' },
        logref: { type: 'string', description: 'the request id, also sent as X-Request-Id' },
        links: { type: 'object', properties: { more_info: LINK } },
      },
    },
  },
};

function singleEnvelope(type: SellType, data: SchemaObject): SchemaObject {
  return { type: 'object', properties: { data, meta: { type: 'object', properties: { type: { type: 'string', enum: [type] } } } } };
}

function collectionEnvelope(type: SellType, data: SchemaObject): SchemaObject {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: singleEnvelope(type, data) },
      meta: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['collection'] },
          count: { type: 'integer', description: 'items on this page' },
          links: {
            type: 'object',
            properties: { self: LINK, first_page: LINK, prev_page: LINK, next_page: LINK },
            description: 'prev_page only after the first page; next_page only when another page follows',
          },
        },
      },
    },
  };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid_param: an unknown or malformed query parameter, or a body that is not JSON',
  401: 'missing, malformed, unknown or revoked token, or a deactivated user',
  403: 'the user lacks the right',
  404: 'no such record in this account',
  409: 'conflict with the current state',
  413: 'request body larger than 1 MiB',
  422: 'invalid attributes, or a body that is not {"data": {...}}',
};

export function ApiSellErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? 'error', schema: ERROR_ENVELOPE_SCHEMA }),
    ),
  );
}

/** A read of one object. */
export function ApiSellRead(summary: string, type: SellType, data: SchemaObject): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiResponse({ status: 200, schema: singleEnvelope(type, data) }),
    ApiSellErrors(404),
  );
}

/** A create or update taking `{"data": {...}}`, validated against `attributes`. */
export function ApiSellWrite(
  summary: string,
  type: SellType,
  data: SchemaObject,
  attributes: new () => object,
  status = 200,
): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiBody({ schema: { type: 'object', required: ['data'], properties: { data: attributeSchema(attributes) } } }),
    ApiResponse({ status, schema: singleEnvelope(type, data) }),
    ApiSellErrors(400, 404, 413, 422),
  );
}

export function ApiSellDelete(summary: string): MethodDecorator {
  return applyDecorators(ApiOperation({ summary }), ApiNoContentResponse({ description: 'deleted; no body' }), ApiSellErrors(404));
}

const FILTER_SCHEMAS: Record<FilterKind, SchemaObject> = {
  integer: { type: 'integer', minimum: 1 },
  boolean: { type: 'boolean' },
  text: { type: 'string' },
  date: { type: 'string', format: 'date' },
  search: {
    type: 'string',
    minLength: MIN_SEARCH_LENGTH,
    maxLength: MAX_SEARCH_LENGTH,
    description: 'our extension: the text anywhere in the name (leads and contacts: also company, email and phone numbers), case-insensitive',
  },
};

/** A list: its envelope and every query parameter `spec` accepts (any other is a 400). */
export function ApiSellList(summary: string, type: SellType, data: SchemaObject, spec: ListSpec): MethodDecorator {
  const parameters = [
    ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } }),
    ApiQuery({
      name: 'per_page',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
    }),
  ];
  if (spec.selectable) {
    parameters.push(
      ApiQuery({ name: 'sort_by', required: false, schema: { type: 'string', pattern: '^[a-z_.]+(:(asc|desc))?$' }, example: 'id:desc' }),
      ApiQuery({ name: 'ids', required: false, schema: { type: 'string' }, description: 'comma-separated ids', example: '1,2,3' }),
    );
  }
  for (const [name, kind] of Object.entries(spec.filters)) {
    parameters.push(ApiQuery({ name, required: false, schema: FILTER_SCHEMAS[kind] }));
  }
  if (spec.customFieldFilters) {
    parameters.push(
      ApiQuery({
        name: 'custom_fields',
        required: false,
        style: 'deepObject',
        explode: true,
        schema: { type: 'object', additionalProperties: { type: 'string' } },
        description: 'custom_fields[Field Name]=value',
      }),
    );
  }
  return applyDecorators(
    ApiOperation({ summary }),
    ...parameters,
    ApiResponse({ status: 200, schema: collectionEnvelope(type, data) }),
    ApiSellErrors(400, 422),
  );
}
