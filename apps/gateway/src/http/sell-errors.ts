import { STATUS_CODES } from 'node:http';
import type { SellErrorCode, SellErrorItem } from '@crm/contracts';

export const ERRORS_MORE_INFO = 'https://developer.zendesk.com/api-reference/sales-crm/introduction/#errors';

export interface SellErrorEnvelope {
  errors: {
    error: SellErrorItem;
    meta: { type: 'error'; links: { more_info: string } };
  }[];
  meta: {
    type: 'errors';
    http_status: string;
    logref: string;
    links: { more_info: string };
  };
}

/** "422 Unprocessable Entity", as Sell writes `meta.http_status`. */
export function httpStatusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? 'Unknown'}`;
}

/** Sell's error envelope, the only shape an error ever leaves the gateway in. */
export function renderSellErrors(status: number, items: SellErrorItem[], logref: string): SellErrorEnvelope {
  const errors = items.length > 0 ? items : [{ code: defaultCodeFor(status), message: STATUS_CODES[status] ?? 'error' }];
  return {
    errors: errors.map((error) => ({ error, meta: { type: 'error', links: { more_info: ERRORS_MORE_INFO } } })),
    meta: { type: 'errors', http_status: httpStatusLine(status), logref, links: { more_info: ERRORS_MORE_INFO } },
  };
}

/** The error code an HTTP status means when nothing more specific is known. */
export function defaultCodeFor(status: number): SellErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'too_large';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal' : 'invalid';
  }
}
