import { DomainError } from '@crm/contracts';
import twilio from 'twilio';

/** Twilio error codes that say the destination number is the problem. */
const BAD_DESTINATION = new Set([21211, 21214, 21217, 21401, 21407, 21408, 21421, 21604, 21610, 21612, 21614, 13223, 13224]);

/**
 * What a failed Twilio request means for our client. Twilio refusing the request (4xx) is the
 * caller's problem, told with Twilio's own message; Twilio refusing our credentials, failing, or
 * being unreachable is ours (502/503). Nothing of the request (credentials included) is echoed.
 */
export function twilioFailure(resource: string, error: unknown): DomainError {
  if (error instanceof twilio.RestException) {
    const status = error.status;
    const detail = error.message && !error.message.startsWith('[HTTP') ? error.message : `Twilio answered HTTP ${status}`;
    const code = error.code ? ` (Twilio error ${error.code})` : '';
    if (status === 401 || status === 403) {
      return new DomainError(502, [{ resource, code: 'internal', message: `Twilio refused the configured credentials${code}` }]);
    }
    if (status === 429) {
      return new DomainError(503, [{ resource, code: 'rate_limited', message: `Twilio is rate limiting requests; try again later${code}` }]);
    }
    if (status >= 400 && status < 500) {
      const field = error.code && BAD_DESTINATION.has(error.code) ? '/phone_number' : undefined;
      return new DomainError(422, [{ resource, field, code: 'invalid', message: `Twilio refused the request: ${detail}${code}` }]);
    }
    return new DomainError(502, [{ resource, code: 'internal', message: `Twilio failed: ${detail}${code}` }]);
  }
  if (isTransportError(error)) {
    // Never rethrown: an HTTP client error carries the request, Authorization header included.
    return new DomainError(503, [{ resource, code: 'internal', message: 'Twilio could not be reached; try again later' }]);
  }
  const message = error instanceof Error ? error.message : 'unknown error';
  return new DomainError(500, [{ resource, code: 'internal', message: `the Twilio request could not be made: ${message}` }]);
}

function isTransportError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ((error as { isAxiosError?: boolean }).isAxiosError === true || 'config' in error);
}

export function twilioNotConfigured(resource: string): DomainError {
  return new DomainError(503, [
    { resource, code: 'internal', message: 'telephony is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN' },
  ]);
}
